/** Pure parts of Compose: the argv and environment compose runs with, and reading its output. */
import { describe, expect, it } from 'vitest';
import { composeEnv, displayCommand, projectArgs } from '../../src/main/core/compose/compose-command';
import { sourceOf } from '../../src/main/core/compose/compose-logs';
import { configErrorOf, dryRunRemovals, keyPathOf, lineOfPath, messageFor, yamlSyntaxError } from '../../src/main/core/compose/compose-output';
import { plainLine } from '../../src/main/core/compose/compose-runner';
import { normalizedProjectName, psRows } from '../../src/main/core/compose/compose-service';

describe('argv', () => {
  it('-p, -f for each file, and --project-directory only with files', () => {
    expect(projectArgs({ name: 'shop', files: ['/srv/shop/compose.yaml', '/srv/shop/compose.override.yaml'], workingDir: '/srv/shop' })).toEqual([
      '-p',
      'shop',
      '-f',
      '/srv/shop/compose.yaml',
      '-f',
      '/srv/shop/compose.override.yaml',
      '--project-directory',
      '/srv/shop',
    ]);
    expect(projectArgs({ name: 'shop', workingDir: '/srv/shop' })).toEqual(['-p', 'shop']);
    expect(displayCommand('plugin', ['-p', 'shop', 'stop'])).toEqual(['docker', 'compose', '-p', 'shop', 'stop']);
    expect(displayCommand('standalone', ['-p', 'shop', 'stop'])).toEqual(['docker-compose', '-p', 'shop', 'stop']);
  });
});

describe('environment', () => {
  const user = { PATH: '/usr/bin', HOME: '/home/u', DOCKER_HOST: 'tcp://elsewhere:2375', DOCKER_CONTEXT: 'other', COMPOSE_FILE: '/tmp/evil.yaml', COMPOSE_PROJECT_NAME: 'x', DOCKER_CONFIG: '/home/u/.docker' };
  it('a real context goes by DOCKER_CONTEXT (its TLS comes with it); what would change the project is dropped', () => {
    const env = composeEnv(user, { name: 'build-server', endpoint: { host: 'tcp://10.0.0.5:2376', source: 'chosen', contextName: 'build-server' } });
    expect(env).toMatchObject({ DOCKER_CONTEXT: 'build-server', PATH: '/usr/bin', DOCKER_CONFIG: '/home/u/.docker' });
    expect(env.DOCKER_HOST).toBeUndefined();
    expect(env.COMPOSE_FILE).toBeUndefined();
    expect(env.COMPOSE_PROJECT_NAME).toBeUndefined();
  });
  it('the default engine, a --docker-host or DOCKER_HOST goes by DOCKER_HOST', () => {
    expect(composeEnv(user, { name: 'default', endpoint: { host: 'unix:///var/run/docker.sock', source: 'default', contextName: 'default' } })).toMatchObject({ DOCKER_HOST: 'unix:///var/run/docker.sock' });
    const flagged = composeEnv(user, { name: 'default', endpoint: { host: 'unix:///tmp/d.sock', source: 'flag' } });
    expect(flagged.DOCKER_HOST).toBe('unix:///tmp/d.sock');
    expect(flagged.DOCKER_CONTEXT).toBeUndefined();
  });
});

describe('config errors', () => {
  it('a YAML syntax error at its own line (compose counts it from elsewhere)', () => {
    expect(yamlSyntaxError('services:\n  a:\n    image: busybox\n   command: x\n')?.line).toBe(4);
    expect(yamlSyntaxError('services:\n  a:\n    image: busybox\n')).toBeUndefined();
  });
  it('key paths compose names, found in the file', () => {
    expect(keyPathOf('validating /x/compose.yaml: services.a Additional property comand is not allowed')).toEqual(['services', 'a', 'comand']);
    expect(keyPathOf('error while interpolating services.a.image: required variable X is missing a value')).toEqual(['services', 'a', 'image']);
    expect(keyPathOf('service "a" depends on undefined service "b": invalid compose project')).toEqual(['services', 'a', 'depends_on']);
    expect(lineOfPath('services:\n  a:\n    image: busybox\n    comand: x\n', ['services', 'a', 'comand'])).toBe(4);
    expect(lineOfPath('services:\n  a:\n    image: busybox\n', ['services', 'a', 'nosuch'])).toBe(2);
  });
  it('the .env line compose names; an override\'s error is the override\'s', () => {
    expect(configErrorOf(['failed to read /srv/.env: line 2: key cannot contain a space'], [])).toEqual({ message: 'failed to read /srv/.env: line 2: key cannot contain a space', file: '/srv/.env', line: 2 });
    const files = [
      { path: '/srv/compose.yaml', text: 'services:\n  a:\n    image: busybox\n' },
      { path: '/srv/compose.override.yaml', text: 'services:\n  a:\n    ports: [\n' },
    ];
    expect(configErrorOf(['yaml: line 3: did not find expected node content'], files)).toMatchObject({ file: '/srv/compose.override.yaml', line: 4 });
  });
});

describe('output', () => {
  it('down --dry-run: what goes, each once', () => {
    const lines = [
      ' DRY-RUN MODE -  Container p1-web-1  Stopping',
      ' DRY-RUN MODE -  Container p1-web-1  Removing',
      ' DRY-RUN MODE -  Container p1-web-1  Removed',
      ' DRY-RUN MODE -  Volume p1_data  Removing',
      ' DRY-RUN MODE -  Image busybox:latest  Removing',
      ' DRY-RUN MODE -  Network p1_default  Removing',
      ' DRY-RUN MODE -  Network p1_default  Resource is still in use',
    ];
    expect(dryRunRemovals(lines)).toEqual({ containers: ['p1-web-1'], networks: ['p1_default'], volumes: ['p1_data'], images: ['busybox:latest'] });
  });
  it('a service\'s error line by its container or its name', () => {
    const lines = [' Container p2-b-1  Started', 'Error response from daemon: driver failed programming external connectivity on endpoint p2-a-1 (2b36): Bind for 0.0.0.0:18081 failed: port is already allocated'];
    expect(messageFor('a', ['p2-a-1'], lines)).toContain('port is already allocated');
    expect(messageFor('b', ['p2-b-1'], lines)).toBeUndefined();
    expect(messageFor('broken', [], [' broken Pulling', ' broken Error manifest unknown'])).toBe('broken Error manifest unknown');
  });
  it('escapes are removed from compose\'s lines; a log line\'s source is named as compose prefixes it', () => {
    expect(plainLine('\u001b[2Kweb-1     | web says hi\r')).toBe('web-1     | web says hi');
    expect(sourceOf({ 'com.docker.compose.service': 'web', 'com.docker.compose.container-number': '2' })).toBe('web-2');
  });
  it('ps --format json: one object per line, or one array', () => {
    const row = { ID: 'abc', Name: 'p-web-1', Service: 'web', Image: 'busybox', State: 'running', Status: 'Up 1 second', Ports: '', ExitCode: 0 };
    const expected = [{ id: 'abc', name: 'p-web-1', service: 'web', image: 'busybox', state: 'running', status: 'Up 1 second', ports: '', exitCode: 0 }];
    expect(psRows(`${JSON.stringify(row)}\n`)).toEqual(expected);
    expect(psRows(JSON.stringify([row]))).toEqual(expected);
    expect(psRows('')).toEqual([]);
  });
  it('project names as compose makes them from a folder', () => {
    expect(normalizedProjectName('/srv/Shop.App')).toBe('shopapp');
    expect(normalizedProjectName('/srv/_my-proj')).toBe('my-proj');
  });
});
