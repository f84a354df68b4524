/** `dockerd --validate --config-file` (dockerd ≥ 23.0) on a copy of the new file in a private temp folder. */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RegistryMirrorsPlan } from '../../../shared/registry-mirrors';
import { tool } from './controller';

export function engineMajor(version: string | undefined): number | undefined {
  const major = /^(\d+)\./.exec(version ?? '')?.[1];
  return major === undefined ? undefined : Number(major);
}

export async function validateWithDockerd(text: string, version: string | undefined, systemDirs: readonly string[]): Promise<RegistryMirrorsPlan['engineValidation']> {
  const major = engineMajor(version);
  if (major === undefined || major < 23) return { ran: false, reason: 'engine-too-old' };
  const dockerd = tool('dockerd', systemDirs, '');
  if (dockerd === '') return { ran: false, reason: 'no-dockerd' };
  const dir = mkdtempSync(join(tmpdir(), 'wharf-daemon-json-'));
  try {
    const file = join(dir, 'daemon.json');
    writeFileSync(file, text, { mode: 0o600 });
    return await new Promise((resolve) => {
      execFile(dockerd, ['--validate', '--config-file', file], { timeout: 15_000 }, (error, stdout, stderr) => {
        resolve({ ran: true, ok: !error, output: `${stdout}${stderr}`.trim() });
      });
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
