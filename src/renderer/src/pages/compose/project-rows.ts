import type { ComposeList, ComposeOpened, ComposeProject } from '../../../../shared/compose';

/** One entry of the project list: a project the engine knows, a folder opened in Wharf, or both. */
export interface ProjectRow {
  name: string;
  project?: ComposeProject;
  opened?: ComposeOpened;
}

/** Projects by name; an opened folder joins the project of the same name, else stands on its own. Sorted by name. */
export function projectRows(list: ComposeList): ProjectRow[] {
  const rows = new Map<string, ProjectRow>();
  for (const project of list.projects) rows.set(project.name, { name: project.name, project });
  for (const opened of list.opened) {
    const row = rows.get(opened.name);
    if (row && !row.opened) row.opened = opened;
    else if (!row) rows.set(opened.name, { name: opened.name, opened });
  }
  return [...rows.values()].sort((a, b) => a.name.localeCompare(b.name));
}

/** The files an up or pull uses: the opened folder's, else the labels' when they are on this machine. */
export function filesOf(row: ProjectRow): { files: string[]; workingDir: string } | undefined {
  if (row.opened) return { files: row.opened.files, workingDir: row.opened.workingDir };
  if (row.project?.filesHere && row.project.workingDir) return { files: row.project.configFiles.split(','), workingDir: row.project.workingDir };
  return undefined;
}
