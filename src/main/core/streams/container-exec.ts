/** The `containers.exec` stream: `docker exec -it` over a hijacked connection, with resize and the exit code. */
import type { EngineApi } from '../engine/engine-api';
import { WharfError } from '../errors';
import type { StreamHandler } from './stream-hub';

/**
 * Closing a terminal does not end what runs in it: the engine keeps an exec's process when its connection
 * closes (moby/moby#9098) and offers no call to signal it. So a closing terminal types Ctrl-C then Ctrl-D,
 * which ends a shell waiting at its prompt (the usual case) before the connection goes.
 */
const GOODBYE = '\u0003\u0004';

/** What the runtime prints when the command does not exist in the container (exit 126/127). */
const NOT_FOUND = /executable file not found|no such file or directory/i;

export function containerExecHandler(engine: EngineApi): StreamHandler<'containers.exec'> {
  return async (input, ctx, onWrite) => {
    const exec = await engine.createExec(input.id, { Cmd: input.command, ...(input.user ? { User: input.user } : {}), Env: ['TERM=xterm-256color'] });
    const socket = await engine.startExec(exec);
    const resize = (cols: number, rows: number): Promise<void> => engine.resizeExec(exec, cols, rows).then(
      () => undefined,
      () => undefined,
    );
    // Keystrokes and resizes in the order the page sent them: what is typed after a resize (a `stty size`, a TUI's
    // redraw) waits until the engine applied the new size, which is its own HTTP call beside the hijacked socket.
    let queue = resize(input.cols, input.rows);
    onWrite((message) => {
      queue = queue.then(() => (message.kind === 'stdin' ? void socket.write(message.data) : resize(message.cols, message.rows)));
    });

    const decoder = new TextDecoder();
    let head = '';
    await new Promise<void>((resolve) => {
      const done = (): void => resolve();
      ctx.signal.addEventListener(
        'abort',
        () => {
          socket.end(GOODBYE, () => socket.destroy());
          setTimeout(() => socket.destroy(), 500).unref();
          resolve();
        },
        { once: true },
      );
      socket.on('data', (chunk: Buffer) => {
        const data = decoder.decode(chunk, { stream: true });
        if (head.length < 2048) head += data;
        ctx.send({ kind: 'output', data });
      });
      socket.on('end', done);
      socket.on('close', done);
      socket.on('error', done);
    });
    if (ctx.signal.aborted) return;
    const info = await engine.inspectExec(exec);
    if ((info.ExitCode === 126 || info.ExitCode === 127) && NOT_FOUND.test(head)) {
      throw new WharfError('not-found', `${input.command[0] ?? ''}: not found in the container`);
    }
    ctx.send({ kind: 'exit', code: info.ExitCode });
  };
}
