import { randomBytes } from 'node:crypto';
import { closeSync, constants, fstatSync, openSync, readFileSync } from 'node:fs';
import { MIN_TOKEN_LENGTH, type ServeArgs } from './args';

/** Where the master token comes from: --token-file, --token (warned), $WHARF_TOKEN, else a random one per start. */
export class TokenSourceError extends Error {}

const MAX_TOKEN_FILE_BYTES = 4096;

function checkToken(token: string, where: string): string {
  if (token.length < MIN_TOKEN_LENGTH || /\s/.test(token)) throw new TokenSourceError(`${where}: the token must be at least ${MIN_TOKEN_LENGTH} characters without spaces`);
  return token;
}

/**
 * The token in `path`, only if it is a regular file (not a symlink, FIFO or device) owned by `uid` with no group or
 * other permission bits — the checks ssh applies to a private key. Opened first and checked on the open file, so
 * what is checked is what is read.
 */
export function readTokenFile(path: string, uid: number): string {
  let fd: number;
  try {
    // O_NONBLOCK: a FIFO must not hang the start; O_NOFOLLOW: a symlink is refused, not followed.
    fd = openSync(path, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ELOOP') throw new TokenSourceError(`--token-file ${path} is a symbolic link; give the file itself`);
    if (code === 'ENOENT') throw new TokenSourceError(`--token-file ${path} does not exist`);
    throw new TokenSourceError(`--token-file ${path} cannot be read (${code ?? String(e)})`);
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) throw new TokenSourceError(`--token-file ${path} is not a regular file`);
    if (stat.uid !== uid) throw new TokenSourceError(`--token-file ${path} is owned by uid ${stat.uid}, not by the user running Wharf (uid ${uid}); chown it`);
    const mode = stat.mode & 0o777;
    if ((mode & 0o077) !== 0) {
      throw new TokenSourceError(`--token-file ${path} has mode 0${mode.toString(8)}: other users may read it; run chmod 600 ${path}`);
    }
    if (stat.size > MAX_TOKEN_FILE_BYTES) throw new TokenSourceError(`--token-file ${path} is larger than ${MAX_TOKEN_FILE_BYTES} bytes; it should hold just the token`);
    return checkToken(readFileSync(fd, 'utf8').trim(), `--token-file ${path}`);
  } finally {
    closeSync(fd);
  }
}

export interface ResolvedToken {
  token: string;
  source: 'token-file' | 'token-flag' | 'env' | 'random';
  /** Lines to print on stderr at start. */
  warnings: string[];
}

export function resolveToken(args: Pick<ServeArgs, 'token' | 'tokenFile'>, env: NodeJS.ProcessEnv, uid: number): ResolvedToken {
  if (args.tokenFile !== undefined) return { token: readTokenFile(args.tokenFile, uid), source: 'token-file', warnings: [] };
  if (args.token !== undefined) {
    return {
      token: args.token,
      source: 'token-flag',
      warnings: [
        'WARNING: --token puts the master token on the command line, where every local user can read it (/proc/PID/cmdline, ps). Use WHARF_TOKEN or --token-file PATH (mode 0600) instead.',
      ],
    };
  }
  const fromEnv = env.WHARF_TOKEN;
  if (fromEnv !== undefined && fromEnv !== '') return { token: checkToken(fromEnv, 'WHARF_TOKEN'), source: 'env', warnings: [] };
  return { token: randomBytes(24).toString('base64url'), source: 'random', warnings: [] };
}
