/**
 * The engine's JSON-lines answers as Wharf reads them: a classic build's log, steps, image ID and
 * failure; docker load's "Loaded image" lines; docker import's new ID. Lines are what dockerd 20.10 sends.
 */
import { describe, expect, it } from 'vitest';
import { buildCommand, buildFailureMessage, buildFailureStep } from '../../src/shared/image-build';
import { contextFilter } from '../../src/main/core/images/build-context';
import {
  buildFailure,
  builtIdFromLine,
  createBuildStreamReader,
  createJsonLineSplitter,
  parseStep,
  readImportAnswer,
  readLoadAnswer,
  type EngineMessage,
} from '../../src/main/core/images/build-stream';

const ID = `sha256:${'ab12'.repeat(16)}`;

/** The engine's bytes for a list of messages, cut into chunks at awkward places. */
function chunked(messages: object[], size: number): string[] {
  const text = messages.map((m) => `${JSON.stringify(m)}\r\n`).join('');
  const chunks: string[] = [];
  for (let i = 0; i < text.length; i += size) chunks.push(text.slice(i, i + size));
  return chunks;
}

function readAll(chunks: string[]): EngineMessage[] {
  const splitter = createJsonLineSplitter();
  return [...chunks.flatMap((c) => splitter.push(c)), ...splitter.end()];
}

describe('JSON line splitting', () => {
  it('gives back every message whatever the chunk boundaries', () => {
    const messages = [{ stream: 'Step 1/2 : FROM busybox\n' }, { stream: ' ---> 1a2b3c4d5e6f\n' }, { aux: { ID } }];
    for (const size of [1, 3, 7, 64, 4096]) expect(readAll(chunked(messages, size))).toEqual(messages);
  });

  it('keeps a line that is not JSON as text', () => {
    expect(readAll(['Loaded image: a:b\n'])).toEqual([{ stream: 'Loaded image: a:b\n' }]);
  });
});

describe('classic build stream', () => {
  it('turns stream text into log lines, steps and the image ID', () => {
    const reader = createBuildStreamReader();
    const first = reader.read({ stream: 'Step 1/3 : FROM busybox:latest\n' });
    expect(first.lines).toEqual(['Step 1/3 : FROM busybox:latest']);
    expect(first.step).toEqual({ n: 1, m: 3, instruction: 'FROM busybox:latest' });
    expect(reader.read({ stream: ' ---> Running in 0123456789ab\n' }).step).toBeUndefined();
    expect(reader.read({ aux: { ID } }).imageId).toBe(ID);
    expect(reader.read({ stream: 'Successfully built ab12ab12ab12\n' }).lines).toEqual(['Successfully built ab12ab12ab12']);
  });

  it('holds output without a newline until the line is complete, and flushes the rest at the end', () => {
    const reader = createBuildStreamReader();
    expect(reader.read({ stream: 'hel' }).lines).toEqual([]);
    expect(reader.read({ stream: 'lo\nwor' }).lines).toEqual(['hello']);
    expect(reader.flush()).toEqual(['wor']);
    expect(reader.flush()).toEqual([]);
  });

  it('keeps what a carriage return leaves on screen', () => {
    const reader = createBuildStreamReader();
    expect(reader.read({ stream: '10%\r50%\r100%\r\n' }).lines).toEqual(['100%']);
  });

  it('reports the error with the text before it', () => {
    const reader = createBuildStreamReader();
    reader.read({ stream: 'Step 2/3 : RUN exit 3\n' });
    reader.read({ stream: 'partial output' });
    const events = reader.read({
      errorDetail: { code: 3, message: "The command '/bin/sh -c exit 3' returned a non-zero code: 3" },
      error: "The command '/bin/sh -c exit 3' returned a non-zero code: 3",
    });
    expect(events.error).toBe("The command '/bin/sh -c exit 3' returned a non-zero code: 3");
    expect(events.lines).toEqual(['partial output', "The command '/bin/sh -c exit 3' returned a non-zero code: 3"]);
  });

  it('drops the terminal colour codes the engine puts around stderr', () => {
    const reader = createBuildStreamReader();
    expect(reader.read({ stream: '\u001b[91mls: /nope: No such file or directory\n\u001b[0m' }).lines).toEqual(['ls: /nope: No such file or directory']);
    expect(reader.flush()).toEqual([]);
  });

  it('logs pull statuses of --pull but not every progress tick', () => {
    const reader = createBuildStreamReader();
    expect(reader.read({ status: 'Pulling from library/busybox', id: 'latest' }).lines).toEqual(['latest: Pulling from library/busybox']);
    expect(reader.read({ status: 'Downloading', id: 'abc', progressDetail: { current: 5, total: 10 }, progress: '[==> ]' }).lines).toEqual([]);
  });

  it('reads only real step lines', () => {
    expect(parseStep('Step 12/14 : COPY . /app')).toEqual({ n: 12, m: 14, instruction: 'COPY . /app' });
    expect(parseStep(' Step 1/2 : not at the start')).toBeUndefined();
    expect(parseStep('Step one')).toBeUndefined();
    expect(builtIdFromLine('Successfully built 0123456789ab')).toBe('0123456789ab');
    expect(builtIdFromLine('Successfully tagged a:b')).toBeUndefined();
  });

  it('names the failing step in the error message and details', () => {
    const error = buildFailure('returned a non-zero code: 3', { n: 2, m: 3, instruction: 'RUN exit 3' });
    expect(error.code).toBe('failed');
    expect(error.message).toBe('Step 2/3 : RUN exit 3: returned a non-zero code: 3');
    expect(buildFailureStep(error.details)).toEqual({ n: 2, m: 3, instruction: 'RUN exit 3' });
    expect(buildFailureMessage(error)).toBe('returned a non-zero code: 3');
    expect(buildFailureStep(buildFailure('no step', undefined).details)).toBeUndefined();
  });
});

describe('docker load and import answers', () => {
  it('collects the loaded references and image IDs', () => {
    const answer = readLoadAnswer([{ stream: 'Loaded image: busybox:latest\n' }, { stream: `Loaded image ID: ${ID}\n` }, { stream: 'Loaded image: localhost:5000/a/b:1\n' }]);
    expect(answer).toEqual({ loaded: ['busybox:latest', ID, 'localhost:5000/a/b:1'] });
  });

  it('fails on the error line', () => {
    expect(readLoadAnswer([{ errorDetail: { message: 'unexpected EOF' }, error: 'unexpected EOF' }]).error).toBe('unexpected EOF');
    expect(readLoadAnswer([{ error: '' }]).error).toBe('unknown error');
  });

  it('takes the import ID from the last status', () => {
    expect(readImportAnswer([{ status: 'Importing', progressDetail: { current: 1, total: 2 } }, { status: `${ID}\n` }])).toEqual({ id: ID });
    expect(readImportAnswer([{ errorDetail: { message: 'archive/tar: invalid tar header' } }])).toEqual({ error: 'archive/tar: invalid tar header' });
  });
});

describe('build context filter (.dockerignore)', () => {
  it('excludes what the patterns match but always sends the Dockerfile and .dockerignore', () => {
    const filter = contextFilter('secret.txt\n*.log\nnode_modules\nDockerfile\n.dockerignore\n', 'Dockerfile');
    expect(filter.excluded('secret.txt')).toBe(true);
    expect(filter.excluded('debug.log')).toBe(true);
    expect(filter.excluded('node_modules')).toBe(true);
    expect(filter.excluded('src/app.js')).toBe(false);
    expect(filter.excluded('Dockerfile')).toBe(false);
    expect(filter.excluded('.dockerignore')).toBe(false);
    expect(filter.hasExceptions).toBe(false);
  });

  it('honours exceptions', () => {
    const filter = contextFilter('docs\n!docs/keep.md\n', 'Dockerfile');
    expect(filter.excluded('docs/other.md')).toBe(true);
    expect(filter.excluded('docs/keep.md')).toBe(false);
    expect(filter.hasExceptions).toBe(true);
  });

  it('sends everything without a .dockerignore', () => {
    expect(contextFilter(undefined, 'Dockerfile').excluded('anything')).toBe(false);
  });
});

describe('the equivalent docker build command', () => {
  it('lists tags, the Dockerfile relative to the working directory, build args and flags', () => {
    expect(buildCommand({ contextDir: '/src/app/', dockerfile: 'docker/Dockerfile.dev', tags: ['a:1', 'b'], buildArgs: { V: '1 2' }, noCache: true, pull: true })).toEqual([
      'docker', 'build', '-t', 'a:1', '-t', 'b', '-f', '/src/app/docker/Dockerfile.dev', '--build-arg', 'V=1 2', '--no-cache', '--pull', '/src/app/',
    ]);
    expect(buildCommand({ contextDir: '/x', dockerfile: 'Dockerfile', tags: [], buildArgs: {}, noCache: false, pull: false })).toEqual(['docker', 'build', '/x']);
  });
});
