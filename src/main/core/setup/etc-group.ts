/** /etc/group and /etc/passwd as the diagnosis needs them: names ↔ ids and group members. */

export interface GroupEntry {
  name: string;
  gid: number;
  members: string[];
}

export interface PasswdEntry {
  name: string;
  uid: number;
  gid: number;
  home: string;
}

function lines(text: string | undefined): string[][] {
  return (text ?? '')
    .split('\n')
    .filter((l) => l.trim() !== '' && !l.startsWith('#'))
    .map((l) => l.split(':'));
}

export function parseGroupFile(text: string | undefined): GroupEntry[] {
  return lines(text)
    .filter((f) => f.length >= 3 && /^\d+$/.test(f[2] ?? ''))
    .map((f) => ({ name: f[0] ?? '', gid: Number(f[2]), members: (f[3] ?? '').split(',').map((m) => m.trim()).filter(Boolean) }));
}

export function parsePasswdFile(text: string | undefined): PasswdEntry[] {
  return lines(text)
    .filter((f) => f.length >= 6 && /^\d+$/.test(f[2] ?? '') && /^\d+$/.test(f[3] ?? ''))
    .map((f) => ({ name: f[0] ?? '', uid: Number(f[2]), gid: Number(f[3]), home: f[5] ?? '' }));
}

/** Names for ids like `ls -l` shows them: the name when known, else the number. */
export function groupName(groups: readonly GroupEntry[], gid: number): string {
  return groups.find((g) => g.gid === gid)?.name ?? String(gid);
}

export function userName(users: readonly PasswdEntry[], uid: number): string {
  return users.find((u) => u.uid === uid)?.name ?? String(uid);
}
