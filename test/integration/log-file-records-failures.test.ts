/**
 * wharf.log: a call that fails (engine not there) leaves a line a user can send, secrets never do, the diagnostics
 * carry the log's last lines, and the file rotates at 5 MB keeping 3.
 */
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { systemClock } from '../../src/main/core/clock';
import { createCore } from '../../src/main/core/create-core';
import { createDockerodeClient } from '../../src/main/core/engine/docker-client';
import { createFileLogger, logDirectory } from '../../src/main/core/log-file';
import { createManualRunner } from '../../src/main/core/privilege/privilege-runner';

const root = mkdtempSync(join(tmpdir(), 'wharf-log-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** pino writes through the stream asynchronously: wait until the file holds what is expected. */
async function eventually(read: () => string, expected: string): Promise<string> {
  const safely = (): string => {
    try {
      return read();
    } catch {
      return ''; // not created yet
    }
  };
  for (let i = 0; i < 50; i++) {
    const text = safely();
    if (text.includes(expected)) return text;
    await new Promise((r) => setTimeout(r, 50));
  }
  return safely();
}

describe('wharf.log', () => {
  it('lives in $XDG_STATE_HOME/wharf, else ~/.local/state/wharf', () => {
    expect(logDirectory({ XDG_STATE_HOME: '/x/state' }, '/home/me')).toBe('/x/state/wharf');
    expect(logDirectory({}, '/home/me')).toBe('/home/me/.local/state/wharf');
    expect(logDirectory({ XDG_STATE_HOME: 'relative' }, '/home/me')).toBe('/home/me/.local/state/wharf');
  });

  it('a failed call is a line with channel, code and the engine message; its password never is', async () => {
    const dir = join(root, 'calls');
    const logger = createFileLogger(dir);
    const core = createCore({
      app: { version: 'test-log', mode: 'web', platform: process.platform },
      dockerHost: `unix://${join(root, 'no-engine.sock')}`,
      env: { PATH: process.env.PATH },
      paths: { home: root },
      clock: systemClock,
      createDockerClient: createDockerodeClient,
      privilegeRunner: createManualRunner(),
      registryAccess: { dockerConfigDir: join(root, 'docker-config') },
      logger,
    });
    await core.start();
    const listed = await core.invoke('images.list', { filters: {}, all: false });
    expect(listed).toMatchObject({ ok: false, error: { code: 'engine-unreachable' } });
    await core.invoke('registryAccess.login', { server: '127.0.0.1:9', username: 'me', password: 'hunter2-in-the-input' });
    core.stop();

    const text = await eventually(() => readFileSync(logger.path, 'utf8'), 'registryAccess.login');
    const lines = text.split('\n').filter(Boolean).map((l) => JSON.parse(l) as { level: number; msg: string; code?: string; message?: string; time: string });
    const failure = lines.find((l) => l.msg === 'images.list failed');
    expect(failure).toMatchObject({ level: 40, code: 'engine-unreachable' });
    expect(failure?.message).toContain('no-engine.sock');
    expect(Date.parse(failure?.time ?? '')).toBeGreaterThan(Date.now() - 60_000);
    expect(text).not.toContain('hunter2-in-the-input');
    expect(statSync(logger.path).mode & 0o777).toBe(0o600);
    expect(statSync(dir).mode & 0o777).toBe(0o700);

    const diagnostics = await core.invoke('app.diagnostics', {});
    expect(diagnostics).toMatchObject({ ok: true, value: { logPath: logger.path } });
    if (diagnostics.ok) {
      const value = diagnostics.value as { text: string; logLines: number };
      expect(value.text).toContain('Wharf test-log (web)');
      expect(value.text).toContain('images.list failed');
      expect(value.logLines).toBe(lines.length);
    }
    // Web mode has no folder to open for a browser.
    expect(await core.invoke('app.openLogFolder', {})).toMatchObject({ ok: false, error: { code: 'unsupported' } });
  });

  it('rotates at 5 MB and keeps 3 files', async () => {
    const dir = join(root, 'rotation');
    const logger = createFileLogger(dir);
    const filler = 'x'.repeat(10_000);
    // 25 MB of lines: enough for more rotations than are kept.
    for (let i = 0; i < 2_500; i++) logger.info('filler', { i, filler });
    // Appends are synchronous (nothing is lost in a crash): every line is on disk when the loop ends.
    const files = readdirSync(dir).sort();
    expect(files).toEqual(['wharf.log', 'wharf.log.1', 'wharf.log.2', 'wharf.log.3']);
    for (const f of files) expect(statSync(join(dir, f)).size).toBeLessThanOrEqual(5 * 1024 * 1024 + 20_000);
    expect(existsSync(join(dir, 'wharf.log.4'))).toBe(false);
    // The tail reaches back into the previous file when the current one is short.
    expect(logger.tail(200)).toHaveLength(200);
  });
});
