/**
 * The engine's proxy: the checks (what Go's proxy code takes), masking as GET /info masks, the `proxies` member
 * written into daemon.json with every other byte kept, flag conflicts per field, verification of what /info shows,
 * and the drop-in for engines before 23.
 */
import { describe, expect, it } from 'vitest';
import { checkNoProxy, checkProxyUrl, engineTakesProxiesKey, maskCredentials, maskProxyUrl } from '../../src/shared/engine-proxy';
import { editRegistryValues } from '../../src/main/core/registry-mirrors/merge';
import { contentPlan, flagConflicts, maskedForShow } from '../../src/main/core/registry-mirrors/plan';
import { expectedProxies, inEffectOf, settingsMatch } from '../../src/main/core/registry-mirrors/in-effect';
import { dropInText, proxyDropInCommands } from '../../src/main/core/registry-mirrors/proxy-drop-in';
import { helperApply } from '../../src/main/core/registry-mirrors/root-helper';

const none = { httpProxy: '', httpsProxy: '', noProxy: '' };

describe('proxy checks', () => {
  it('takes http, https and socks5 URLs with host and port, credentials allowed', () => {
    expect(checkProxyUrl(' http://proxy.corp:3128 ')).toEqual({ value: 'http://proxy.corp:3128' });
    expect(checkProxyUrl('socks5://127.0.0.1:1080/')).toEqual({ value: 'socks5://127.0.0.1:1080/' });
    expect(checkProxyUrl('http://u%40x:p%3Aw@[::1]:3128')).toEqual({ value: 'http://u%40x:p%3Aw@[::1]:3128' });
    expect(checkProxyUrl('')).toEqual({ value: '' });
    expect(checkProxyUrl('HTTP://Proxy.Corp:3128')).toEqual({ value: 'http://Proxy.Corp:3128' });
  });

  it('names what is wrong', () => {
    expect(checkProxyUrl('proxy.corp:3128').problem).toBe('scheme');
    expect(checkProxyUrl('ftp://proxy.corp').problem).toBe('unsupported-scheme');
    expect(checkProxyUrl('http://proxy.corp:3128/path').problem).toBe('path');
    expect(checkProxyUrl('http://proxy.corp:3128?x=1').problem).toBe('path');
    expect(checkProxyUrl('http://proxy.corp:99999').problem).toBe('bad-port');
    expect(checkProxyUrl('http://pro xy').problem).toBe('not-a-url');
    expect(checkProxyUrl('http://').problem).toBe('not-a-url');
  });

  it('NO_PROXY: hosts, .domains, *, IPs, CIDRs and host:port; spaces dropped; a bad entry named', () => {
    expect(checkNoProxy(' localhost, .corp ,10.0.0.0/8,127.0.0.1,registry.corp:5000,*,::1 ')).toEqual({ value: 'localhost,.corp,10.0.0.0/8,127.0.0.1,registry.corp:5000,*,::1' });
    expect(checkNoProxy('a.corp, bad host')).toEqual({ problem: 'bad-entry', entry: 'bad host' });
    expect(checkNoProxy('10.0.0.0/33')).toEqual({ problem: 'bad-entry', entry: '10.0.0.0/33' });
    expect(checkNoProxy('')).toEqual({ value: '' });
  });

  it('masks credentials as the engine does, in a URL and in any text', () => {
    expect(maskProxyUrl('http://alice:s3cret@proxy:3128')).toBe('http://xxxxx:xxxxx@proxy:3128');
    expect(maskProxyUrl('http://alice@proxy:3128')).toBe('http://xxxxx:xxxxx@proxy:3128');
    expect(maskProxyUrl('http://proxy:3128')).toBe('http://proxy:3128');
    expect(maskCredentials('{"http-proxy": "http://alice:s3cret@proxy:3128", "https-proxy": "https://bob:pw@p2"}')).toBe('{"http-proxy": "http://xxxxx:xxxxx@proxy:3128", "https-proxy": "https://xxxxx:xxxxx@p2"}');
  });

  it('engines from 23 take the proxies key', () => {
    expect(engineTakesProxiesKey('26.1.5+dfsg1')).toBe(true);
    expect(engineTakesProxiesKey('23.0.0')).toBe(true);
    expect(engineTakesProxiesKey('20.10.24+dfsg1')).toBe(false);
    expect(engineTakesProxiesKey(undefined)).toBe(false);
  });
});

describe('proxies in daemon.json', () => {
  const file = '{\n    "debug": true,\n    "log-opts": {"max-size": "10m"},\n    "default-address-pools": [{"base": "10.200.0.0/16", "size": 24}],\n    "max-concurrent-downloads": 12345678901234567890\n}\n';

  it('adds `proxies` after the last member in the file style; every other byte stays', () => {
    const text = editRegistryValues(file, { registryMirrors: [], insecureRegistries: [], proxies: { httpProxy: '', httpsProxy: 'http://p:3128', noProxy: 'localhost,.corp' } });
    expect(text).toBe(file.replace('12345678901234567890\n}', '12345678901234567890,\n    "proxies": {\n        "https-proxy": "http://p:3128",\n        "no-proxy": "localhost,.corp"\n    }\n}'));
  });

  it('replaces an existing proxies value in place, keeping members Wharf does not know; an emptied proxy stays as {}', () => {
    const old = '{"proxies": {"http-proxy": "http://old:1", "future-key": "x"}, "debug": true}';
    expect(editRegistryValues(old, { registryMirrors: [], insecureRegistries: [], proxies: { httpProxy: 'http://new:2', httpsProxy: '', noProxy: '' } })).toBe(
      '{"proxies": {"future-key": "x", "http-proxy": "http://new:2"}, "debug": true}',
    );
    expect(editRegistryValues('{"proxies": {"http-proxy": "http://old:1"}}', { registryMirrors: [], insecureRegistries: [], proxies: none })).toBe('{"proxies": {}}');
    // Not given: left exactly as it is.
    expect(editRegistryValues(old, { registryMirrors: [], insecureRegistries: [] })).toBe(old);
    // No proxy and no key: nothing added.
    expect(editRegistryValues('{"debug": true}', { registryMirrors: [], insecureRegistries: [], proxies: none })).toBe('{"debug": true}');
  });

  it('a masked value sent back keeps the file`s credentials; the plan shows them masked only', () => {
    const text = '{\n  "proxies": {\n    "https-proxy": "http://alice:s3cret@proxy:3128"\n  }\n}\n';
    const plan = contentPlan('/x', text, { registryMirrors: [], insecureRegistries: [], proxies: { httpProxy: '', httpsProxy: 'http://xxxxx:xxxxx@proxy:3128', noProxy: 'localhost' } }, { proxiesKey: true });
    expect(plan.valid).toBe(true);
    expect(plan.newText).toContain('"https-proxy": "http://alice:s3cret@proxy:3128"');
    expect(plan.newText).toContain('"no-proxy": "localhost"');
    expect(plan.proxy?.checks.httpsProxy.value).toBe('http://xxxxx:xxxxx@proxy:3128');
    const shown = maskedForShow(plan);
    expect(JSON.stringify(shown.diff) + shown.newText).not.toContain('s3cret');
    // Masked credentials the file does not have cannot be written.
    const other = contentPlan('/x', text, { registryMirrors: [], insecureRegistries: [], proxies: { httpProxy: 'http://xxxxx:xxxxx@elsewhere:1', httpsProxy: '', noProxy: '' } }, { proxiesKey: true });
    expect(other.proxy?.checks.httpProxy.problem).toBe('masked-unknown');
    expect(other.valid).toBe(false);
  });

  it('commands to copy never carry credentials: refused where Wharf can only show commands', () => {
    const plan = contentPlan('/x', '{}', { registryMirrors: [], insecureRegistries: [], proxies: { httpProxy: 'http://a:b@p:1', httpsProxy: '', noProxy: '' } }, { proxiesKey: true, manual: true });
    expect(plan.proxy?.checks.httpProxy.problem).toBe('credentials-manual');
    expect(plan.valid).toBe(false);
    // Only the field that has them.
    const other = contentPlan('/x', '{}', { registryMirrors: [], insecureRegistries: [], proxies: { httpProxy: 'http://p:1', httpsProxy: 'http://a:b@p:1', noProxy: '' } }, { proxiesKey: true, manual: true });
    expect(other.proxy?.checks.httpProxy).toEqual({ value: 'http://p:1' });
    expect(other.proxy?.checks.httpsProxy.problem).toBe('credentials-manual');
  });

  it('an engine before 23: the proxy never goes into daemon.json (dockerd 20.10 refuses the key)', () => {
    const plan = contentPlan('/x', '{"debug": true}', { registryMirrors: [], insecureRegistries: [], proxies: { httpProxy: 'http://p:1', httpsProxy: '', noProxy: '' } }, { proxiesKey: false });
    expect(plan.newText).toBe('{"debug": true}');
    expect(plan.unchanged).toBe(true);
    expect(plan.proxy?.changed).toBe(true);
  });

  it('a field dockerd also got as a flag conflicts, per field as dockerd compares them', () => {
    const flags = { registryMirrors: [], insecureRegistries: [], proxies: { httpProxy: 'http://u:pw@flag:1' } };
    expect(flagConflicts({ proxies: { 'http-proxy': 'http://f:2' } }, flags)).toEqual([{ key: 'proxies', flag: '--http-proxy', flagValues: ['http://xxxxx:xxxxx@flag:1'] }]);
    expect(flagConflicts({ proxies: { 'https-proxy': 'http://f:2' } }, flags)).toEqual([]);
  });
});

describe('verifying the proxy through GET /info', () => {
  const info = { HttpProxy: '', HttpsProxy: 'http://xxxxx:xxxxx@proxy:3128', NoProxy: 'localhost' };

  it('the fields set must show, masked; an emptied field is not checked (the service environment may set it)', () => {
    const seen = inEffectOf(info);
    expect(seen.proxies).toEqual({ httpProxy: '', httpsProxy: 'http://xxxxx:xxxxx@proxy:3128', noProxy: 'localhost' });
    const base = { registryMirrors: [], insecureRegistries: [] };
    expect(settingsMatch(seen, base, expectedProxies({ httpProxy: '', httpsProxy: 'http://alice:s3cret@proxy:3128', noProxy: 'localhost' }))).toBe(true);
    expect(settingsMatch(seen, base, expectedProxies({ httpProxy: '', httpsProxy: 'http://alice:s3cret@other:3128', noProxy: 'localhost' }))).toBe(false);
    expect(settingsMatch(seen, base, expectedProxies({ httpProxy: '', httpsProxy: '', noProxy: 'localhost,.corp' }))).toBe(false);
    expect(settingsMatch(seen, base, expectedProxies(none))).toBe(true);
  });
});

describe('the drop-in for engines before 23', () => {
  it('writes docker.service.d/http-proxy.conf, then daemon-reload and restart; none: removes it', () => {
    expect(dropInText({ httpProxy: 'http://p:3128', httpsProxy: '', noProxy: 'a%b' })).toBe('# Written by Wharf: the engine\'s proxy (docker info shows it).\n[Service]\nEnvironment="HTTP_PROXY=http://p:3128"\nEnvironment="NO_PROXY=a%%b"\n');
    const commands = proxyDropInCommands({ httpProxy: 'http://p:3128', httpsProxy: '', noProxy: '' }, ['/nonexistent']);
    expect(commands.map((c) => c.argv.join(' '))).toEqual([
      '/usr/bin/mkdir -p -m 0755 -- /etc/systemd/system/docker.service.d',
      '/usr/bin/tee -- /etc/systemd/system/docker.service.d/http-proxy.conf',
      '/usr/bin/systemctl daemon-reload',
      '/usr/bin/systemctl restart docker.service',
    ]);
    expect(proxyDropInCommands(none, ['/nonexistent'])[0]?.argv).toEqual(['/usr/bin/rm', '-f', '--', '/etc/systemd/system/docker.service.d/http-proxy.conf']);
  });
});

describe('the root helper call', () => {
  it('asks for a restart and a file for root alone only when told', () => {
    const t = { helper: '/opt/wharf/resources/wharf-daemon-json', socket: '/run/docker.sock', config: '/etc/docker/daemon.json' };
    expect(helperApply(t, '', '{}', 80).argv).not.toContain('--then');
    const argv = helperApply(t, '', '{}', 80, { restart: true, private: true }).argv;
    expect(argv.slice(-4)).toEqual(['--then', 'restart', '--private', 'yes']);
  });
});
