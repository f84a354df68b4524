/**
 * The containers.logs stream against a private engine: stdout and stderr told apart without a TTY, a TTY's
 * output as written, `--tail`, `--since` against `docker logs --since`, follow delivering exactly the lines written
 * after opening, and the same stream through web mode's WebSocket (what the browser uses), closed by the page.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import type { Core } from '../../src/main/core/create-core';
import { startWebServer, type WebServer } from '../../src/main/web/server';
import type { LogBatch, StatsSample, StreamServerMessage } from '../../src/shared/streams';
import { startPrivateEngine, type PrivateEngine } from '../support/engine-harness';
import { importBusybox, runContainer } from '../support/fixtures';
import { makeCore } from './make-core';

type Line = LogBatch['lines'][number];

/**
 * Opens a stream on the core and collects its lines: `done` resolves when it ends (or, with the lines so far, as
 * soon as `until` holds); `ended` tells whether the stream has ended.
 */
function collect(core: Core, input: object, until?: (lines: Line[]) => boolean): { done: Promise<{ lines: Line[]; error?: unknown }>; ended(): boolean; close(): void } {
  const lines: Line[] = [];
  let ended = false;
  let finish: (v: { lines: Line[]; error?: unknown }) => void = () => undefined;
  const done = new Promise<{ lines: Line[]; error?: unknown }>((r) => (finish = r));
  const sid = `test-${Math.random().toString(16).slice(2, 12)}`;
  const connection = core.connectStreams({
    send: (m: StreamServerMessage) => {
      if (m.type === 'stream.data') {
        lines.push(...(m.data as LogBatch).lines);
        if (until?.(lines)) finish({ lines: [...lines] });
      } else {
        ended = true;
        finish({ lines, error: m.error });
      }
    },
    congested: () => false,
  });
  connection.open(sid, 'containers.logs', input);
  return { done, ended: () => ended, close: () => connection.close(sid) };
}

/** `docker logs` output as lines (the CLI writes the container's stdout to its stdout, stderr to its stderr). */
const cliLines = (text: string): string[] => text.split('\n').filter((l) => l !== '');

describe('containers.logs', () => {
  let engine: PrivateEngine;
  let core: Core;

  beforeAll(async () => {
    engine = await startPrivateEngine({ name: 'logs' });
    core = makeCore(engine.host);
    await core.start();
    await importBusybox(engine);
    await engine.cliOk(['run', '--name', 'plain', 'busybox', 'sh', '-c', 'echo out1; echo err1 >&2; echo out2; printf tail-without-newline']);
    await engine.cliOk(['run', '--name', 'tty', '-t', 'busybox', 'sh', '-c', 'echo one; echo two >&2']);
    // Lines from two moments 2 s apart, and a last one 1.2 s later (for --since).
    await engine.cliOk(['run', '--name', 'phases', 'busybox', 'sh', '-c', 'echo early1; echo early2 >&2; sleep 2; echo late1; echo late2 >&2; sleep 1.2; echo last']);
    // Numbered lines, five a second: a line lost or repeated shows as a gap in the numbers.
    await runContainer(engine, ['--name', 'ticker', 'busybox', 'sh', '-c', 'i=0; while true; do i=$((i+1)); echo tick-$i; sleep 0.2; done']);
  }, 120_000);

  afterAll(async () => {
    core?.stop();
    await engine?.destroy();
  });

  it('tells stdout from stderr like `docker logs` does without a TTY', async () => {
    const { lines, error } = await collect(core, { id: 'plain', follow: false, tail: 'all', timestamps: false }).done;
    expect(error).toBeUndefined();
    // The order across the two streams is the engine's (by arrival); within each stream it is the process's.
    expect(lines.filter((l) => l.stream === 'stdout').map((l) => l.text)).toEqual(['out1', 'out2', 'tail-without-newline']);
    expect(lines.filter((l) => l.stream === 'stderr').map((l) => l.text)).toEqual(['err1']);
    expect(lines).toHaveLength(4);
    const cli = await engine.cliOk(['logs', 'plain']);
    expect(cli.stdout.split('\n').filter(Boolean)).toEqual(['out1', 'out2', 'tail-without-newline']);
    expect(cli.stderr.trim()).toBe('err1');
  });

  it('gives a TTY container one stream, as the terminal wrote it; --tail keeps the last lines', async () => {
    const tty = await collect(core, { id: 'tty', follow: false, tail: 'all', timestamps: false }).done;
    expect(tty.lines).toEqual([
      { stream: 'stdout', text: 'one' },
      { stream: 'stdout', text: 'two' },
    ]);
    const last = await collect(core, { id: 'plain', follow: false, tail: 1, timestamps: false }).done;
    expect(last.lines.map((l) => l.text)).toEqual(['tail-without-newline']);
  });

  it('with timestamps, each line starts with the RFC 3339 time like `docker logs -t`', async () => {
    const { lines } = await collect(core, { id: 'plain', follow: false, tail: 1, timestamps: true }).done;
    expect(lines[0]?.text).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d+Z tail-without-newline$/);
  });

  it('follow delivers the lines written after the stream opened, none before and none lost, until closed', async () => {
    await expect.poll(async () => cliLines((await engine.cliOk(['logs', 'ticker'])).stdout).length, { timeout: 5000 }).toBeGreaterThan(0);
    const lastBefore = Number(cliLines((await engine.cliOk(['logs', 'ticker'])).stdout).at(-1)?.replace('tick-', ''));
    const stream = collect(core, { id: 'ticker', follow: true, tail: 0, timestamps: false }, (lines) => lines.length >= 5);
    const { lines, error } = await stream.done;
    expect(error).toBeUndefined();
    expect(stream.ended()).toBe(false);
    stream.close();
    expect(stream.ended()).toBe(true);
    expect(lines.length).toBeGreaterThanOrEqual(5);
    for (const line of lines) expect(line).toEqual({ stream: 'stdout', text: expect.stringMatching(/^tick-\d+$/) as unknown });
    const numbers = lines.map((l) => Number(l.text.replace('tick-', '')));
    const first = numbers[0] ?? 0;
    expect(first).toBeGreaterThan(lastBefore);
    expect(numbers).toEqual(numbers.map((_, i) => first + i));
  });

  it('since (Unix seconds) gives the lines `docker logs --since` gives for the same value', async () => {
    // The engine's own time of each line, as `docker logs -t` shows it (nanoseconds cut to what Date reads).
    const stamped = cliLines((await engine.cliOk(['logs', '-t', 'phases'])).stdout);
    const secondOf = (text: string): number => {
      const stamp = stamped.find((l) => l.endsWith(` ${text}`))?.split(' ')[0] ?? '';
      return Math.floor(Date.parse(stamp.replace(/(\.\d{3})\d*Z$/, '$1Z')) / 1000);
    };
    const cases: Array<[number, string[], string[]]> = [
      [secondOf('late1'), ['late1', 'last'], ['late2']],
      [secondOf('last'), ['last'], []],
    ];
    for (const [since, stdout, stderr] of cases) {
      const { lines, error } = await collect(core, { id: 'phases', follow: false, tail: 'all', since, timestamps: false }).done;
      expect(error).toBeUndefined();
      const cli = await engine.cliOk(['logs', '--since', String(since), 'phases']);
      expect(lines.filter((l) => l.stream === 'stdout').map((l) => l.text)).toEqual(cliLines(cli.stdout));
      expect(lines.filter((l) => l.stream === 'stderr').map((l) => l.text)).toEqual(cliLines(cli.stderr));
      // The value cuts where it should, so the comparison above is not between two full logs.
      expect([cliLines(cli.stdout), cliLines(cli.stderr)]).toEqual([stdout, stderr]);
    }
  });

  it('a missing container ends the stream with not-found', async () => {
    const { error } = await collect(core, { id: 'no-such-container', follow: false, tail: 'all', timestamps: false }).done;
    expect(error).toMatchObject({ code: 'not-found' });
  });

  describe('through web mode', () => {
    let web: WebServer;
    const token = 'logs-stream-test-token-0123456789';

    beforeAll(async () => {
      web = await startWebServer({ core, token, host: '127.0.0.1', port: 0, staticDir: mkdtempSync(join(tmpdir(), 'wharf-static-')) });
    });
    afterAll(async () => {
      await web?.close();
    });

    it('streams over the page WebSocket and stops when the page closes the stream', async () => {
      const ws = new WebSocket(`ws://127.0.0.1:${web.port}/api/events`, { headers: { Authorization: `Bearer ${token}`, Origin: `http://127.0.0.1:${web.port}` } });
      const messages: StreamServerMessage[] = [];
      ws.on('message', (raw) => {
        const m = JSON.parse(raw.toString()) as StreamServerMessage;
        if (m.type === 'stream.data' || m.type === 'stream.end') messages.push(m);
      });
      await new Promise((r, j) => ws.once('open', r).once('error', j));
      ws.send(JSON.stringify({ op: 'open', sid: 'page-stream-1', name: 'containers.logs', input: { id: 'ticker', follow: true, tail: 2, timestamps: false } }));
      await expect.poll(() => messages.flatMap((m) => (m.type === 'stream.data' ? (m.data as LogBatch).lines : [])).length, { timeout: 5000 }).toBeGreaterThanOrEqual(3);
      ws.send(JSON.stringify({ op: 'close', sid: 'page-stream-1' }));
      await expect.poll(() => messages.some((m) => m.type === 'stream.end'), { timeout: 2000 }).toBe(true);
      const countAtClose = messages.length;
      // Lines are sent in batches every 50 ms (LOG_FLUSH_MS): a stream still open would send within 600 ms.
      await new Promise((r) => setTimeout(r, 600));
      expect(messages.length).toBe(countAtClose);
      ws.close();
    });
  });
});

describe('containers.exec', () => {
  let engine: PrivateEngine;
  let core: Core;

  beforeAll(async () => {
    engine = await startPrivateEngine({ name: 'exec' });
    core = makeCore(engine.host);
    await core.start();
    await importBusybox(engine);
    await runContainer(engine, ['--name', 'shell', 'busybox', 'sleep', '600']);
    await engine.cliOk(['create', '--name', 'stopped', 'busybox', 'true']);
  }, 120_000);

  afterAll(async () => {
    core?.stop();
    await engine?.destroy();
  });

  /** Opens an exec stream; `write` sends into it; `done` resolves with all output and how it ended. */
  function terminal(input: object) {
    let output = '';
    let exit: number | null | undefined;
    let finish: (v: { output: string; exit?: number | null; error?: { code: string; message: string } }) => void = () => undefined;
    const done = new Promise<{ output: string; exit?: number | null; error?: { code: string; message: string } }>((r) => (finish = r));
    const sid = `exec-${Math.random().toString(16).slice(2, 12)}`;
    const connection = core.connectStreams({
      send: (m: StreamServerMessage) => {
        if (m.type === 'stream.data') {
          const d = m.data as { kind: 'output'; data: string } | { kind: 'exit'; code: number | null };
          if (d.kind === 'output') output += d.data;
          else exit = d.code;
        } else finish({ output, exit, error: m.error });
      },
      congested: () => false,
    });
    connection.open(sid, 'containers.exec', input);
    return { done, write: (data: unknown) => connection.write(sid, data), output: () => output, close: () => connection.close(sid) };
  }

  it('runs a command typed into the terminal and shows its output, then the exit code', async () => {
    const t = terminal({ id: 'shell', command: ['sh'], cols: 100, rows: 30 });
    t.write({ kind: 'stdin', data: 'echo "wharf-$((6*7))"\n' });
    await expect.poll(() => t.output(), { timeout: 5000 }).toContain('wharf-42');
    t.write({ kind: 'resize', cols: 132, rows: 40 });
    t.write({ kind: 'stdin', data: 'stty size\n' });
    await expect.poll(() => t.output(), { timeout: 5000 }).toContain('40 132');
    t.write({ kind: 'stdin', data: 'exit 3\n' });
    const end = await t.done;
    expect(end.exit).toBe(3);
    expect(end.error).toBeUndefined();
  });

  it('says so when the container has no such shell', async () => {
    const end = await terminal({ id: 'shell', command: ['bash'], cols: 80, rows: 24 }).done;
    expect(end.error).toMatchObject({ code: 'not-found' });
    expect(end.error?.message).toContain('bash');
  });

  it("refuses a container that is not running, with the engine's reason", async () => {
    const end = await terminal({ id: 'stopped', command: ['sh'], cols: 80, rows: 24 }).done;
    expect(end.error).toMatchObject({ code: 'conflict' });
    expect(end.error?.message).toMatch(/not running/);
  });

  it('closing the terminal ends the shell waiting at its prompt', async () => {
    const shells = async (): Promise<number> => (await engine.cliOk(['top', 'shell', '-o', 'pid,args'])).stdout.split('\n').filter((l) => / sh$/.test(l.trim())).length;
    const before = await shells();
    const t = terminal({ id: 'shell', command: ['sh'], cols: 80, rows: 24 });
    t.write({ kind: 'stdin', data: 'echo started\n' });
    await expect.poll(() => t.output(), { timeout: 5000 }).toContain('started');
    expect(await shells()).toBe(before + 1);
    t.close();
    await expect.poll(shells, { timeout: 10_000 }).toBe(before);
  });
});

describe('containers.stats', () => {
  let engine: PrivateEngine;
  let core: Core;

  beforeAll(async () => {
    engine = await startPrivateEngine({ name: 'stats' });
    core = makeCore(engine.host);
    await core.start();
    await importBusybox(engine);
    // Half a CPU kept busy; and 20 MiB written to /dev/shm (counted as the container's memory) under a 64 MiB limit.
    await runContainer(engine, ['--name', 'busy', '--cpus', '0.5', 'busybox', 'sh', '-c', 'while :; do :; done']);
    await runContainer(engine, ['--name', 'mem', '--memory', '64m', 'busybox', 'sh', '-c', 'dd if=/dev/zero of=/dev/shm/fill bs=1M count=20 2>/dev/null; sleep 600']);
  }, 120_000);

  afterAll(async () => {
    core?.stop();
    await engine?.destroy();
  });

  it('gives samples like docker stats: CPU capped by --cpus, memory under its --memory limit', async () => {
    const samples: StatsSample[] = [];
    const connection = core.connectStreams({
      send: (m: StreamServerMessage) => {
        if (m.type === 'stream.data') samples.push(m.data as StatsSample);
      },
      congested: () => false,
    });
    connection.open('stats-stream-1', 'containers.stats', { ids: ['busy', 'mem'] });
    await expect.poll(() => samples.filter((s) => s.id === 'busy' && s.cpuPercent !== null).length, { timeout: 15_000 }).toBeGreaterThanOrEqual(3);
    await expect.poll(() => samples.filter((s) => s.id === 'mem').length, { timeout: 15_000 }).toBeGreaterThanOrEqual(2);
    connection.close('stats-stream-1');

    const busy = samples.filter((s) => s.id === 'busy' && s.cpuPercent !== null).slice(-2);
    for (const s of busy) {
      expect(s.cpuPercent).toBeGreaterThan(25);
      expect(s.cpuPercent).toBeLessThan(75);
    }
    const mem = samples.filter((s) => s.id === 'mem').at(-1);
    expect(mem?.memLimit).toBe(64 * 2 ** 20);
    expect(mem?.memUsage).toBeGreaterThan(15 * 2 ** 20);
    expect(mem?.memUsage).toBeLessThan(64 * 2 ** 20);
    expect(mem?.pids).toBeGreaterThanOrEqual(1);

    // The CLI's own view of the same container, at about the same time.
    const cli = JSON.parse((await engine.cliOk(['stats', '--no-stream', '--format', '{{json .}}', 'mem'])).stdout) as { MemUsage: string };
    expect(cli.MemUsage).toMatch(/\/ 64MiB$/);
    const cliMiB = Number(/^([\d.]+)MiB/.exec(cli.MemUsage)?.[1]);
    expect(Math.abs(cliMiB - (mem?.memUsage ?? 0) / 2 ** 20)).toBeLessThan(4);
  });
});
