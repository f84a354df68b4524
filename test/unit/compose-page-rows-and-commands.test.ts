/** The Compose page's pure parts: projects and opened folders as one list, and the command each action runs. */
import { describe, expect, it } from 'vitest';
import { commandFor } from '../../src/renderer/src/pages/compose/compose-command';
import { filesOf, projectRows } from '../../src/renderer/src/pages/compose/project-rows';
import type { ComposeProject } from '../../src/shared/compose';

const project = (name: string, over: Partial<ComposeProject> = {}): ComposeProject => ({
  name,
  status: 'running(1)',
  running: 1,
  total: 1,
  configFiles: `/srv/${name}/compose.yaml`,
  workingDir: `/srv/${name}`,
  services: [],
  filesHere: true,
  ...over,
});

describe('project rows', () => {
  it('a folder opened in Wharf joins the project of its name; one without containers stands alone; sorted', () => {
    const rows = projectRows({
      projects: [project('shop'), project('blog', { filesHere: false })],
      opened: [
        { name: 'shop', workingDir: '/home/u/shop', files: ['/home/u/shop/compose.yaml', '/home/u/shop/compose.override.yaml'] },
        { name: 'new', workingDir: '/home/u/new', files: ['/home/u/new/compose.yaml'] },
      ],
      command: ['docker', 'compose', 'ls', '-a'],
    });
    expect(rows.map((r) => [r.name, r.project !== undefined, r.opened !== undefined])).toEqual([
      ['blog', true, false],
      ['new', false, true],
      ['shop', true, true],
    ]);
    // Opened files win (they are what the user edits); a project whose files are gone has none.
    expect(filesOf(rows[2]!)).toEqual({ files: ['/home/u/shop/compose.yaml', '/home/u/shop/compose.override.yaml'], workingDir: '/home/u/shop' });
    expect(filesOf(rows[0]!)).toBeUndefined();
  });
});

describe('commands shown', () => {
  const row = { name: 'shop', project: project('shop') };
  it('up and pull with the files; the others by name', () => {
    expect(commandFor(row, 'up')).toEqual(['docker', 'compose', '-p', 'shop', '-f', '/srv/shop/compose.yaml', '--project-directory', '/srv/shop', 'up', '-d']);
    expect(commandFor(row, 'pull', ['web'])).toEqual(['docker', 'compose', '-p', 'shop', '-f', '/srv/shop/compose.yaml', '--project-directory', '/srv/shop', 'pull', 'web']);
    expect(commandFor(row, 'stop', ['web'])).toEqual(['docker', 'compose', '-p', 'shop', 'stop', 'web']);
    expect(commandFor(row, 'down')).toEqual(['docker', 'compose', '-p', 'shop', 'down']);
  });
});
