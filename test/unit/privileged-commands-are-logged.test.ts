/**
 * Every command run as root leaves a line in the log: its argv, exit code and duration — real binaries through the
 * direct runner — and never what it was given on stdin (a daemon.json).
 */
import { describe, expect, it } from 'vitest';
import { systemClock } from '../../src/main/core/clock';
import { withCommandLog } from '../../src/main/core/privilege/logged-runner';
import { createDirectRunner, createManualRunner } from '../../src/main/core/privilege/privilege-runner';
import { recordingLogger } from '../support/recording-logger';

const CONTENT = '{"registry-mirrors":["https://user:s3cret-pass@mirror.test"]}';

describe('the privileged-command log', () => {
  it('logs a command that succeeds with exit code 0 and one that fails with its exit code', async () => {
    const logger = recordingLogger();
    const runner = withCommandLog(createDirectRunner(), logger, systemClock);
    await runner.run({ binary: '/bin/true', args: ['--first'], stdin: CONTENT });
    await expect(runner.run({ binary: '/bin/false', args: ['--second'] })).rejects.toMatchObject({ code: 1 });
    expect(logger.lines).toMatchObject([
      { level: 'info', message: 'privileged command', fields: { runner: 'direct', argv: ['/bin/true', '--first'], exitCode: 0 } },
      { level: 'warn', message: 'privileged command failed', fields: { runner: 'direct', argv: ['/bin/false', '--second'], exitCode: 1 } },
    ]);
    for (const line of logger.lines) expect(line.fields?.durationMs).toEqual(expect.any(Number));
    expect(JSON.stringify(logger.lines)).not.toContain('s3cret');
  });

  it('logs a conversation (the root helper) when it ends, without what was written to it', async () => {
    const logger = recordingLogger();
    const runner = withCommandLog(createDirectRunner(), logger, systemClock);
    const talk = runner.open({ binary: '/bin/cat', args: [], stdin: `${CONTENT}\n` });
    expect(await talk.readLine()).toBe(CONTENT);
    talk.closeInput();
    await talk.done;
    await expect(runner.open({ binary: '/bin/false', args: [] }).done).rejects.toMatchObject({ code: 1 });
    await new Promise((resolve) => setImmediate(resolve));
    expect(logger.lines).toMatchObject([
      { level: 'info', fields: { argv: ['/bin/cat'], exitCode: 0 } },
      { level: 'warn', fields: { argv: ['/bin/false'], exitCode: 1 } },
    ]);
    expect(JSON.stringify(logger.lines)).not.toContain('s3cret');
  });

  it('a binary that is not there is logged with the spawn error; the manual runner logs that nothing ran', async () => {
    const logger = recordingLogger();
    await expect(withCommandLog(createDirectRunner(), logger, systemClock).run({ binary: '/nonexistent/wharf-test', args: [] })).rejects.toBeDefined();
    await expect(withCommandLog(createManualRunner(), logger, systemClock).run({ binary: '/usr/sbin/usermod', args: ['-aG', 'docker', 'me'] })).rejects.toMatchObject({ code: 'unsupported' });
    expect(logger.lines).toMatchObject([
      { level: 'warn', fields: { argv: ['/nonexistent/wharf-test'], error: 'ENOENT' } },
      { level: 'info', message: 'privileged command not run: shown to the user', fields: { runner: 'manual', argv: ['/usr/sbin/usermod', '-aG', 'docker', 'me'] } },
    ]);
  });
});
