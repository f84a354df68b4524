/**
 * Where web mode's master token comes from: --token-file (only a regular file of the running user with mode 0600),
 * --token (kept, with a warning: /proc/PID/cmdline is world-readable), $WHARF_TOKEN, else a random one.
 * Real files in a temporary folder; "another owner" is the same check with the running user's uid told apart.
 */
import { chmodSync, mkdirSync, mkdtempSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { readTokenFile, resolveToken, TokenSourceError } from '../../src/main/web/token-source';

const dir = mkdtempSync(join(tmpdir(), 'wharf-token-'));
const TOKEN = 'a-token-of-32-characters-0123456';

function tokenFile(name: string, mode: number, content = `${TOKEN}\n`): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  chmodSync(path, mode);
  return path;
}

function owner(path: string): number {
  return statSync(path).uid;
}

function refusal(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(TokenSourceError);
    return (e as Error).message;
  }
  throw new Error('expected a refusal');
}

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('--token-file', () => {
  it('a 0600 file of the running user gives its token, without the trailing newline', () => {
    const path = tokenFile('good', 0o600);
    expect(readTokenFile(path, owner(path))).toBe(TOKEN);
  });

  it('0400 is fine too', () => {
    const path = tokenFile('readonly', 0o400);
    expect(readTokenFile(path, owner(path))).toBe(TOKEN);
  });

  it.each(['644', '640', '604', '660', '606'])('mode 0%s is refused, naming the mode and the fix', (octal) => {
    const path = tokenFile(`mode-${octal}`, parseInt(octal, 8));
    const message = refusal(() => readTokenFile(path, owner(path)));
    expect(message).toContain(`0${octal}`);
    expect(message).toContain('chmod 600');
  });

  it('a file owned by another user is refused, even with mode 0600', () => {
    const path = tokenFile('foreign', 0o600);
    const me = owner(path) + 1;
    expect(refusal(() => readTokenFile(path, me))).toContain(`owned by uid ${owner(path)}`);
  });

  it('a symbolic link is refused, even to a good file', () => {
    const target = tokenFile('target', 0o600);
    const link = join(dir, 'link');
    symlinkSync(target, link);
    expect(refusal(() => readTokenFile(link, owner(target)))).toContain('symbolic link');
  });

  it('a directory is refused', () => {
    const path = join(dir, 'a-dir');
    mkdirSync(path, { mode: 0o700 });
    expect(refusal(() => readTokenFile(path, owner(path)))).toContain('not a regular file');
  });

  it('a FIFO is refused at once (it does not hang the start)', () => {
    const path = join(dir, 'fifo');
    execFileSync('mkfifo', ['-m', '600', path]);
    expect(refusal(() => readTokenFile(path, owner(path)))).toContain('not a regular file');
  });

  it('a missing file is refused', () => {
    expect(refusal(() => readTokenFile(join(dir, 'missing'), 0))).toContain('does not exist');
  });

  it.each([
    ['empty', ''],
    ['too short', 'short\n'],
    ['with spaces inside', 'two words here\n'],
  ])('a file whose token is %s is refused', (_name, content) => {
    const path = tokenFile(`bad-${_name}`, 0o600, content);
    expect(refusal(() => readTokenFile(path, owner(path)))).toContain('at least 8 characters');
  });
});

describe('resolveToken', () => {
  const uid = process.getuid?.() ?? 0;

  it('--token-file first', () => {
    const path = tokenFile('resolve', 0o600);
    expect(resolveToken({ tokenFile: path }, { WHARF_TOKEN: 'from-the-environment' }, owner(path))).toEqual({ token: TOKEN, source: 'token-file', warnings: [] });
  });

  it('--token works but warns that every local user can read it in /proc/PID/cmdline', () => {
    const resolved = resolveToken({ token: 'from-the-command-line' }, { WHARF_TOKEN: 'from-the-environment' }, uid);
    expect(resolved.token).toBe('from-the-command-line');
    expect(resolved.warnings.join('\n')).toMatch(/\/proc\/PID\/cmdline/);
    expect(resolved.warnings.join('\n')).toMatch(/WHARF_TOKEN|--token-file/);
  });

  it('then $WHARF_TOKEN, without a warning', () => {
    expect(resolveToken({}, { WHARF_TOKEN: 'from-the-environment' }, uid)).toEqual({ token: 'from-the-environment', source: 'env', warnings: [] });
  });

  it('a too short $WHARF_TOKEN is refused', () => {
    expect(refusal(() => resolveToken({}, { WHARF_TOKEN: 'short' }, uid))).toContain('WHARF_TOKEN');
  });

  it('else a random token each start', () => {
    const a = resolveToken({}, {}, uid);
    const b = resolveToken({}, {}, uid);
    expect(a.source).toBe('random');
    expect(a.token).not.toBe(b.token);
    expect(a.token.length).toBeGreaterThanOrEqual(32);
  });
});
