/** The IPC contract: channel names, and what each channel's input schema lets through. */
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Channel, ChannelInput } from '../../src/shared/contract';
import { CHANNELS, IPC_PREFIX, contract, isChannel } from '../../src/shared/contract';

/** One valid input per channel; typed so that adding a channel without an entry here fails the typecheck. */
const VALID_INPUT: { [C in Channel]: ChannelInput<C> } = {
  'containers.list': { all: true },
  'containers.format': { all: true, format: 'table {{.Names}}\\t{{.Status}}' },
  'containers.action': { ids: ['web'], action: 'stop', timeout: 10 },
  'containers.inspect': { id: 'web' },
  'containers.rename': { id: 'web', name: 'web2' },
  'containers.runPlan': { spec: { image: 'busybox', name: 'web', command: 'httpd -f -p 8080', entrypoint: '', ports: [{ hostIp: '127.0.0.1', hostPort: '8080', containerPort: '8080', protocol: 'tcp' }], volumes: [{ source: '/srv/www', target: '/www', readOnly: true }], env: ['A=1'], envFile: '', restart: 'no', restartRetries: '', network: '', labels: ['team=web'], autoRemove: false, memory: '256m', cpus: '0.5', start: true } },
  'containers.run': { spec: { image: 'busybox', name: 'web', command: 'httpd -f -p 8080', entrypoint: '', ports: [{ hostIp: '127.0.0.1', hostPort: '8080', containerPort: '8080', protocol: 'tcp' }], volumes: [{ source: '/srv/www', target: '/www', readOnly: true }], env: ['A=1'], envFile: '', restart: 'no', restartRetries: '', network: '', labels: ['team=web'], autoRemove: false, memory: '256m', cpus: '0.5', start: true } },
  'containers.networks': {},
  'containers.logUsage': { ids: ['web'] },
  'containers.truncateLogs': { ids: ['web'] },
  'images.format': { filters: { reference: ['20.26.38.47:5000/*'] }, all: false, digests: true, format: '{{.ID}}: {{.Repository}}' },
  'volumes.list': {},
  'compose.list': { all: true },
  'compose.tool': {},
  'compose.ps': { project: 'shop' },
  'compose.pickPath': {},
  'compose.open': { path: '/home/u/shop' },
  'compose.forget': { workingDir: '/home/u/shop' },
  'compose.config': { files: ['/home/u/shop/compose.yaml', '/home/u/shop/compose.override.yaml'], workingDir: '/home/u/shop' },
  'compose.save': { path: '/home/u/shop/.env', text: 'TAG=1\n', mtimeMs: 1764720000000.123 },
  'compose.up': { project: 'shop', files: ['/home/u/shop/compose.yaml'], workingDir: '/home/u/shop', services: ['web', 'db'] },
  'compose.downPreview': { project: 'shop', volumes: true, images: 'local' },
  'compose.down': { project: 'shop', volumes: false, images: 'none' },
  'compose.action': { project: 'shop', action: 'restart', services: ['web'] },
  'engines.list': {},
  'engines.probe': { name: 'build-server' },
  'engines.create': { name: 'build-server', description: 'the CI host', host: 'tcp://10.0.0.5:2376', tls: { ca: '/home/u/certs/ca.pem', cert: '/home/u/certs/cert.pem', key: '/home/u/certs/key.pem' } },
  'engines.remove': { name: 'build-server', force: true },
  'engines.use': { name: 'build-server', alsoForCli: false },
  'engines.trustHostKey': { name: 'build-server', fingerprint: 'SHA256:nThbg6kXUpJWGl7E1IGOCspRomTxdCARLviKw6E5SY8' },
  'volumes.usage': {},
  'volumes.create': { name: 'data', driver: 'local', labels: { team: 'web' }, options: { type: 'tmpfs' } },
  'volumes.remove': { names: ['data'] },
  'volumes.prunePlan': {},
  'networks.list': {},
  'networks.create': { name: 'backend', driver: 'bridge', subnet: '10.20.0.0/24', gateway: '10.20.0.1', internal: false, labels: { team: 'web' } },
  'networks.remove': { ids: ['backend'] },
  'networks.connect': { network: 'backend', container: 'web' },
  'networks.disconnect': { network: 'backend', container: 'web', force: false },
  'networks.prunePlan': {},
  'app.info': {},
  'app.diagnostics': {},
  'app.openLogFolder': {},
  'engine.status': {},
  'engine.reconnect': {},
  'engine.facts': {},
  'system.df': {},
  'tasks.list': {},
  'tasks.cancel': { id: randomUUID() },
  'images.list': { filters: { reference: ['busy*'], since: 'busybox:latest', dangling: false, label: ['a=b'] }, all: true },
  'images.diskUsage': {},
  'setup.diagnose': {},
  'setup.fixPlan': { fix: 'add-user-to-group' },
  'setup.fix': { fix: 'start-service' },
  'setup.installGuide': {},
  'setup.relaunch': {},
  'tasks.log': { id: randomUUID(), from: 0 },
  'images.removePlan': { target: { refs: ['busybox:latest'] } },
  'images.remove': { items: [{ ref: 'busybox:latest', id: `sha256:${'a'.repeat(64)}`, mode: 'untag' }], force: false },
  'images.pull': { reference: 'ghcr.io/acme/tool:1', mirror: 'm.daocloud.io' },
  'registryMirrors.prefixes': {},
  'registryMirrors.presets': {},
  'registryMirrors.resetPresets': {},
  'registryMirrors.loadPresets': { from: 'https://example.com/wharf-presets.json' },
  'registryMirrors.savePrefixes': { prefixes: [{ registry: 'ghcr.io', prefix: 'm.daocloud.io' }] },
  'images.push': { reference: 'localhost:5000/busybox:1.36' },
  'images.tag': { source: 'busybox:latest', target: 'mine/busybox:v1' },
  'images.inspect': { image: 'busybox' },
  'images.build': { contextDir: '/home/user/app', dockerfile: 'Dockerfile', tags: ['app:dev'], buildArgs: { VERSION: '1' }, noCache: false, pull: false },
  'images.save': { images: ['busybox:latest'], path: '/tmp/busybox.tar', overwrite: false },
  'images.load': { path: '/tmp/busybox.tar' },
  'images.import': { path: '/tmp/rootfs.tar', reference: 'rootfs:latest' },
  'cleanup.diskUsage': {},
  'cleanup.preview': { wizard: 'images', options: { untilHours: 24, keepNewest: 2, protect: ['myorg/*', 'label=keep'] } },
  'cleanup.estimate': { previewId: randomUUID(), keys: ['image:sha256:' + 'a'.repeat(64)] },
  'cleanup.run': { previewId: randomUUID(), keys: ['volume:data', 'buildCache:ni2eqoof4lv6n4z602c5ucm82'] },
  'cleanup.history': {},
  'registryMirrors.read': {},
  'registryMirrors.plan': { registryMirrors: ['https://docker.m.daocloud.io'], insecureRegistries: ['10.0.0.5:5000'] },
  'registryMirrors.apply': { registryMirrors: ['https://docker.m.daocloud.io'], insecureRegistries: [], expectedHash: '' },
  'registryAccess.speedTest': { mirrors: ['https://docker.m.daocloud.io', 'http://127.0.0.1:5000'], image: 'library/busybox:latest' },
  'registryAccess.logins': {},
  'registryAccess.login': { server: '127.0.0.1:5000', username: 'alice', password: 's3cret' },
  'registryAccess.logout': { server: '127.0.0.1:5000' },
  'registryAccess.catalog': { registry: '127.0.0.1:5000', last: 'team/app', n: 2 },
  'registryAccess.tags': { registry: 'http://127.0.0.1:5000', repository: 'team/app', n: 2 },
  'registryAccess.deleteTag': { registry: '127.0.0.1:5000', repository: 'team/app', tag: 'v1.0' },
};

const NO_INPUT_CHANNELS: Channel[] = ['registryMirrors.prefixes', 'registryMirrors.presets', 'registryMirrors.resetPresets', 'app.info', 'app.diagnostics', 'app.openLogFolder', 'engine.status', 'engine.reconnect', 'engine.facts', 'system.df', 'tasks.list', 'images.diskUsage', 'setup.diagnose', 'setup.installGuide', 'setup.relaunch', 'registryMirrors.read'];

function accepts(channel: Channel, input: unknown): boolean {
  return contract[channel].input.safeParse(input).success;
}

describe('channel names', () => {
  it('are listed once each', () => {
    expect(new Set(CHANNELS).size).toBe(CHANNELS.length);
    expect(CHANNELS.length).toBeGreaterThan(0);
  });

  it.each(CHANNELS)('%s is "<area>.<action>"', (channel) => {
    expect(channel).toMatch(/^[a-z][a-zA-Z]*\.[a-z][a-zA-Z]*$/);
  });

  it('isChannel knows every channel of the contract', () => {
    for (const channel of CHANNELS) expect(isChannel(channel)).toBe(true);
  });

  it.each(['images.nuke', '', 'app', 'APP.INFO', `${IPC_PREFIX}app.info`, '__proto__', 'toString', 'constructor', 'hasOwnProperty'])(
    'isChannel rejects %j',
    (name) => {
      expect(isChannel(name)).toBe(false);
    },
  );
});

describe('input schemas', () => {
  it.each(NO_INPUT_CHANNELS)('%s accepts {}', (channel) => {
    expect(accepts(channel, {})).toBe(true);
  });

  it.each(CHANNELS)('%s accepts its valid input', (channel) => {
    expect(accepts(channel, VALID_INPUT[channel])).toBe(true);
  });

  it.each(CHANNELS)('%s rejects extra keys (strict)', (channel) => {
    expect(accepts(channel, { ...VALID_INPUT[channel], unexpected: true })).toBe(false);
  });

  it.each(CHANNELS)('%s rejects a "__proto__" key sent as JSON', (channel) => {
    const body = JSON.stringify(VALID_INPUT[channel]).slice(1, -1);
    const input: unknown = JSON.parse(`{"__proto__":{"polluted":true}${body ? `,${body}` : ''}}`);
    expect(accepts(channel, input)).toBe(false);
  });

  it.each(CHANNELS)('%s rejects input that is not an object', (channel) => {
    for (const input of [null, undefined, 'x', 42, [], true]) expect(accepts(channel, input)).toBe(false);
  });
});

describe('compose inputs', () => {
  it.each([
    ['compose.ps', { project: 'Shop' }],
    ['compose.ps', { project: '-p' }],
    ['compose.ps', { project: '../x' }],
    ['compose.open', { path: 'relative/dir' }],
    ['compose.open', { path: '--file=/etc/passwd' }],
    ['compose.open', { path: '/srv/a\nb' }],
    ['compose.open', { path: '/srv/a\0b' }],
    ['compose.up', { files: [], workingDir: '/srv' }],
    ['compose.up', { files: ['/srv/compose.yaml'], workingDir: '/srv', services: ['--build'] }],
    ['compose.up', { files: ['/srv/compose.yaml'], workingDir: '/srv', services: [] }],
    ['compose.action', { project: 'shop', action: 'rm' }],
    ['compose.down', { project: 'shop', volumes: false, images: 'everything' }],
    ['compose.save', { path: '/srv/.env', text: 'x'.repeat(1_048_577), mtimeMs: 0 }],
  ] as const)('%s refuses %j', (channel, input) => {
    expect(accepts(channel, input)).toBe(false);
  });
});

describe('tasks.cancel id', () => {
  it('accepts the ids tasks get (UUIDs)', () => {
    for (let i = 0; i < 20; i++) expect(accepts('tasks.cancel', { id: randomUUID() })).toBe(true);
  });

  it.each([
    ['missing', {}],
    ['empty', { id: '' }],
    ['a number', { id: 42 }],
    ['null', { id: null }],
    ['a path', { id: '../../etc/passwd' }],
    ['with spaces', { id: 'a b' }],
    ['with a newline', { id: 'abc\n' }],
    ['huge', { id: 'a'.repeat(10_000) }],
  ])('rejects an id that is %s', (_name, input) => {
    expect(accepts('tasks.cancel', input)).toBe(false);
  });
});

describe('setup fix ids', () => {
  it.each(['setup.fixPlan', 'setup.fix'] as const)('%s accepts exactly the fixes Wharf knows', (channel) => {
    expect(accepts(channel, { fix: 'start-service' })).toBe(true);
    expect(accepts(channel, { fix: 'add-user-to-group' })).toBe(true);
    for (const input of [{}, { fix: '' }, { fix: 'chmod-socket' }, { fix: 'add-user-to-group', user: 'root' }, { fix: ['start-service'] }]) {
      expect(accepts(channel, input)).toBe(false);
    }
  });
});

describe('images.list filters', () => {
  it('accepts the CLI filters, alone and combined', () => {
    for (const filters of [{}, { reference: ['busy*', '*/name'] }, { since: 'abc123' }, { before: '127.0.0.1:5000/ns/name:v1' }, { dangling: true }, { label: ['k', 'k=v w'] }]) {
      expect(accepts('images.list', { filters, all: false })).toBe(true);
    }
  });

  it.each([
    ['no all', { filters: {} }],
    ['an unknown filter', { filters: { until: '1h' }, all: false }],
    ['dangling as a string', { filters: { dangling: 'true' }, all: false }],
    ['an empty reference', { filters: { reference: [''] }, all: false }],
    ['a reference with a space', { filters: { reference: ['a b'] }, all: false }],
    ['a label starting with =', { filters: { label: ['=v'] }, all: false }],
    ['a NUL in since', { filters: { since: 'a\0b' }, all: false }],
    ['too many references', { filters: { reference: Array.from({ length: 33 }, (_, i) => `r${i}`) }, all: false }],
  ])('rejects %s', (_name, input) => {
    expect(accepts('images.list', input)).toBe(false);
  });
});
