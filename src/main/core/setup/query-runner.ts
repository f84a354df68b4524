import { execFile } from 'node:child_process';

export interface QueryResult {
  /** Exit code; 127 when the binary could not be started. */
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs a read-only query (systemctl is-active, dpkg-query -S…): an absolute binary and argv, never a shell. */
export type QueryRunner = (binary: string, args: string[]) => Promise<QueryResult>;

const QUERY_TIMEOUT_MS = 5_000;

export const execQuery: QueryRunner = (binary, args) =>
  new Promise((resolve) => {
    execFile(binary, args, { timeout: QUERY_TIMEOUT_MS, env: { PATH: '/usr/sbin:/usr/bin:/sbin:/bin', LC_ALL: 'C' } }, (error, stdout, stderr) => {
      if (!error) return resolve({ code: 0, stdout, stderr });
      const code = typeof error.code === 'number' ? error.code : 127;
      resolve({ code, stdout, stderr: stderr || error.message });
    });
  });
