/**
 * parseReference reads references as `docker pull` does (distribution/reference ParseNormalizedNamed).
 * Every case below was checked against the docker 28 CLI: "accepted" means the CLI went on to contact
 * the engine, "rejected" lists the CLI's own message.
 */
import { describe, expect, it } from 'vitest';
import { parseReference, familiarName, type ReferenceProblem } from '../../src/shared/image-reference';

const SHA256 = 'sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';
const SHA512 =
  'sha512:cf83e1357eefb8bdf1542850d66d8007d620e4050b5715dc83f4a921d36ce9ce47d0d13c5d85f2b0ff8318d2877eec2f63b931bd47417a81a538327af927da3e';

describe('parseReference: what the CLI accepts', () => {
  it.each([
    // input, domain, path, tag, digest, familiar, canonical
    ['busybox', 'docker.io', 'library/busybox', 'latest', undefined, 'busybox:latest', 'docker.io/library/busybox:latest'],
    ['busybox:1.36', 'docker.io', 'library/busybox', '1.36', undefined, 'busybox:1.36', 'docker.io/library/busybox:1.36'],
    ['library/debian', 'docker.io', 'library/debian', 'latest', undefined, 'debian:latest', 'docker.io/library/debian:latest'],
    ['docker/docker', 'docker.io', 'docker/docker', 'latest', undefined, 'docker/docker:latest', 'docker.io/docker/docker:latest'],
    ['docker.io/debian', 'docker.io', 'library/debian', 'latest', undefined, 'debian:latest', 'docker.io/library/debian:latest'],
    ['index.docker.io/library/nginx', 'docker.io', 'library/nginx', 'latest', undefined, 'nginx:latest', 'docker.io/library/nginx:latest'],
    ['docker.io/library/foo/bar', 'docker.io', 'library/foo/bar', 'latest', undefined, 'library/foo/bar:latest', 'docker.io/library/foo/bar:latest'],
    ['localhost/foo', 'localhost', 'foo', 'latest', undefined, 'localhost/foo:latest', 'localhost/foo:latest'],
    ['localhost:5000/a/b:1', 'localhost:5000', 'a/b', '1', undefined, 'localhost:5000/a/b:1', 'localhost:5000/a/b:1'],
    ['127.0.0.1:5000/library/debian', '127.0.0.1:5000', 'library/debian', 'latest', undefined, '127.0.0.1:5000/library/debian:latest', '127.0.0.1:5000/library/debian:latest'],
    ['[::1]:5000/repo', '[::1]:5000', 'repo', 'latest', undefined, '[::1]:5000/repo:latest', '[::1]:5000/repo:latest'],
    ['[2001:db8:1:2:3:4:5:6]/repo:tag', '[2001:db8:1:2:3:4:5:6]', 'repo', 'tag', undefined, '[2001:db8:1:2:3:4:5:6]/repo:tag', '[2001:db8:1:2:3:4:5:6]/repo:tag'],
    // no slash: the host-looking text is a repository and the port a tag
    ['192.168.0.1:80', 'docker.io', 'library/192.168.0.1', '80', undefined, '192.168.0.1:80', 'docker.io/library/192.168.0.1:80'],
    ['foo/foo_bar.com:8080', 'docker.io', 'foo/foo_bar.com', '8080', undefined, 'foo/foo_bar.com:8080', 'docker.io/foo/foo_bar.com:8080'],
    // an uppercase first component is taken as a registry host
    ['Localhost/foo', 'Localhost', 'foo', 'latest', undefined, 'Localhost/foo:latest', 'Localhost/foo:latest'],
    ['lowercase:Uppercase', 'docker.io', 'library/lowercase', 'Uppercase', undefined, 'lowercase:Uppercase', 'docker.io/library/lowercase:Uppercase'],
    ['busybox:_x', 'docker.io', 'library/busybox', '_x', undefined, 'busybox:_x', 'docker.io/library/busybox:_x'],
    ['a__b', 'docker.io', 'library/a__b', 'latest', undefined, 'a__b:latest', 'docker.io/library/a__b:latest'],
    ['a--b', 'docker.io', 'library/a--b', 'latest', undefined, 'a--b:latest', 'docker.io/library/a--b:latest'],
    ['a_b/c-d.e', 'docker.io', 'a_b/c-d.e', 'latest', undefined, 'a_b/c-d.e:latest', 'docker.io/a_b/c-d.e:latest'],
    ['xn--n3h.com/myimage:xn--n3h.com', 'xn--n3h.com', 'myimage', 'xn--n3h.com', undefined, 'xn--n3h.com/myimage:xn--n3h.com', 'xn--n3h.com/myimage:xn--n3h.com'],
    [`busybox@${SHA256}`, 'docker.io', 'library/busybox', undefined, SHA256, `busybox@${SHA256}`, `docker.io/library/busybox@${SHA256}`],
    [`busybox@${SHA512}`, 'docker.io', 'library/busybox', undefined, SHA512, `busybox@${SHA512}`, `docker.io/library/busybox@${SHA512}`],
    [`busybox:1@${SHA256}`, 'docker.io', 'library/busybox', '1', SHA256, `busybox:1@${SHA256}`, `docker.io/library/busybox:1@${SHA256}`],
    // a 64-hex string is refused only when bare
    ['docker.io/1a3f5e7d9c1b3a5f7e9d1c3b5a7f9e1d3c5b7a9f1e3d5d7c9b1a3f5e7d9c1b3a', 'docker.io', 'library/1a3f5e7d9c1b3a5f7e9d1c3b5a7f9e1d3c5b7a9f1e3d5d7c9b1a3f5e7d9c1b3a', 'latest', undefined, '1a3f5e7d9c1b3a5f7e9d1c3b5a7f9e1d3c5b7a9f1e3d5d7c9b1a3f5e7d9c1b3a:latest', 'docker.io/library/1a3f5e7d9c1b3a5f7e9d1c3b5a7f9e1d3c5b7a9f1e3d5d7c9b1a3f5e7d9c1b3a:latest'],
  ])('%s', (input, domain, path, tag, digest, familiar, canonical) => {
    const parsed = parseReference(input);
    expect(parsed).toEqual({
      ok: true,
      value: {
        domain,
        path,
        ...(tag !== undefined ? { tag } : {}),
        ...(digest !== undefined ? { digest } : {}),
        tagDefaulted: !input.slice(input.lastIndexOf('/') + 1).includes(':') && !input.includes('@'),
        familiar,
        canonical,
      },
    });
  });

  it('adds :latest only when neither tag nor digest is given, and says so', () => {
    expect(parseReference('busybox')).toMatchObject({ ok: true, value: { tag: 'latest', tagDefaulted: true } });
    expect(parseReference('busybox:latest')).toMatchObject({ ok: true, value: { tag: 'latest', tagDefaulted: false } });
    const byDigest = parseReference(`busybox@${SHA256}`);
    expect(byDigest.ok && byDigest.value.tag).toBe(undefined);
    expect(byDigest.ok && byDigest.value.tagDefaulted).toBe(false);
  });

  it('keeps a name-only reference without a tag when asked (docker tag keeps the source as given)', () => {
    const parsed = parseReference('localhost:5000/app', { withDefaultTag: false });
    expect(parsed).toEqual({
      ok: true,
      value: { domain: 'localhost:5000', path: 'app', tagDefaulted: false, familiar: 'localhost:5000/app', canonical: 'localhost:5000/app' },
    });
  });

  it('accepts the longest repository path the CLI accepts (255 characters, library/ included)', () => {
    expect(parseReference('a'.repeat(247)).ok).toBe(true);
    expect(parseReference(`${'a/'.repeat(127)}a:tag`).ok).toBe(true);
    expect(parseReference(`example.com/${'a'.repeat(255)}`).ok).toBe(true);
  });
});

describe('parseReference: what the CLI rejects', () => {
  it.each<[string, ReferenceProblem, string]>([
    ['', 'empty', 'invalid reference format'],
    ['docker/Docker', 'uppercase', 'repository name (docker/Docker) must be lowercase'],
    ['docker.io/docker/Docker', 'uppercase', 'must be lowercase'],
    ['test:5000/Uppercase/lowercase:tag', 'uppercase', 'must be lowercase'],
    ['Busybox', 'uppercase', 'must be lowercase'],
    [`${'a/'.repeat(128)}a:tag`, 'name-too-long', 'repository name must not be more than 255 characters'],
    ['a'.repeat(250), 'name-too-long', 'repository name must not be more than 255 characters'],
    ['1a3f5e7d9c1b3a5f7e9d1c3b5a7f9e1d3c5b7a9f1e3d5d7c9b1a3f5e7d9c1b3a', 'invalid-format', 'cannot specify 64-byte hexadecimal strings'],
    ['docker///docker', 'invalid-format', 'invalid reference format'],
    ['-docker/docker', 'invalid-format', 'invalid reference format'],
    ['[fc00::1]:5000', 'invalid-format', 'invalid reference format'],
    ['fc00::1:5000/debian', 'invalid-format', 'invalid reference format'],
    ['[fe80::1%eth0]:5000/repo', 'invalid-format', 'invalid reference format'],
    ['[2001:db8:3:4::192.0.2.33]:5000/debian', 'invalid-format', 'invalid reference format'],
    ['https://github.com/docker/docker', 'invalid-format', 'invalid reference format'],
    ['aa/asdf$$^/aa', 'invalid-format', 'invalid reference format'],
    [' busybox', 'invalid-format', 'invalid reference format'],
    ['a___b', 'invalid-format', 'invalid reference format'],
    ['a..b', 'invalid-format', 'invalid reference format'],
    ['a_/b', 'invalid-format', 'invalid reference format'],
    [':justtag', 'invalid-format', 'invalid reference format'],
    [`@${SHA256}`, 'invalid-format', 'invalid reference format'],
    ['busybox:', 'invalid-tag', 'invalid reference format'],
    ['busybox:-x', 'invalid-tag', 'invalid reference format'],
    [`busybox:${'a'.repeat(129)}`, 'invalid-tag', 'invalid reference format'],
    ['busybox@', 'invalid-digest', 'invalid reference format'],
    ['busybox@sha256:abc', 'invalid-digest', 'invalid reference format'],
    [`repo@sha256:${'f'.repeat(35)}`, 'invalid-digest', 'invalid checksum digest length'],
    [`validname@invaliddigest:${'f'.repeat(64)}`, 'invalid-digest', 'unsupported digest algorithm'],
    [`busybox@${SHA256.toUpperCase().replace('SHA256', 'sha256')}`, 'invalid-digest', 'invalid checksum digest format'],
  ])('%s → %s (CLI: %s)', (input, problem) => {
    expect(parseReference(input)).toEqual({ ok: false, problem });
  });
});

describe('familiarName', () => {
  it('drops docker.io and library/ as docker image ls does', () => {
    expect(familiarName('docker.io', 'library/busybox')).toBe('busybox');
    expect(familiarName('docker.io', 'library/a/b')).toBe('library/a/b');
    expect(familiarName('docker.io', 'team/app')).toBe('team/app');
    expect(familiarName('localhost:5000', 'library/busybox')).toBe('localhost:5000/library/busybox');
  });
});
