/** `dockerd --validate --config-file` (dockerd ≥ 23.0) on a copy of the new file in a private temp folder. */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { isAbsolute, join } from 'node:path';
import type { RegistryMirrorsPlan } from '../../../shared/registry-mirrors';
import { tool } from './controller';

export function engineMajor(version: string | undefined): number | undefined {
  const major = /^(\d+)\./.exec(version ?? '')?.[1];
  return major === undefined ? undefined : Number(major);
}

/**
 * The dockerd that will read the file checks it: the running one's own program (argv[0] of the process that serves
 * the socket) when it names one, else the one in the system folders. A second dockerd beside the system's (a newer
 * one unpacked elsewhere) must not be judged by the older /usr/sbin/dockerd, which may not know --validate at all.
 */
export function validatingDockerd(runningArgv: readonly string[] | undefined, systemDirs: readonly string[]): string {
  const own = runningArgv?.[0];
  if (own !== undefined && isAbsolute(own) && existsSync(own)) return own;
  return tool('dockerd', systemDirs, '');
}

export async function validateWithDockerd(text: string, version: string | undefined, dockerd: string): Promise<RegistryMirrorsPlan['engineValidation']> {
  const major = engineMajor(version);
  if (major === undefined || major < 23) return { ran: false, reason: 'engine-too-old' };
  if (dockerd === '') return { ran: false, reason: 'no-dockerd' };
  const dir = mkdtempSync(join(tmpdir(), 'wharf-daemon-json-'));
  try {
    const file = join(dir, 'daemon.json');
    writeFileSync(file, text, { mode: 0o600 });
    return await new Promise((resolve) => {
      execFile(dockerd, ['--validate', '--config-file', file], { timeout: 15_000 }, (error, stdout, stderr) => {
        const output = `${stdout}${stderr}`.trim();
        // An older dockerd than the engine (the system's beside a newer one started by hand) cannot judge the file.
        if (error && /unknown flag: --validate/.test(output)) resolve({ ran: false, reason: 'no-dockerd' });
        else resolve({ ran: true, ok: !error, output });
      });
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
