import type { ProjectRow } from './project-rows';
import { filesOf } from './project-rows';

export type ComposeActionName = 'up' | 'start' | 'stop' | 'restart' | 'pull' | 'down';

/**
 * The command an action runs, as the core runs it (compose-service.ts): up and pull with the project's files,
 * the others by project name. Shown beside the buttons; the task's log starts with the exact command that ran.
 */
export function commandFor(row: ProjectRow, action: ComposeActionName, services: readonly string[] = []): string[] {
  const byName = ['docker', 'compose', '-p', row.name];
  const files = filesOf(row);
  if ((action === 'up' || action === 'pull') && files) {
    const withFiles = [...byName, ...files.files.flatMap((f) => ['-f', f]), '--project-directory', files.workingDir];
    return action === 'up' ? [...withFiles, 'up', '-d', ...services] : [...withFiles, 'pull', ...services];
  }
  return [...byName, action, ...services];
}
