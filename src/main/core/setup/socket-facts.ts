import type { SocketFacts } from '../../../shared/setup';
import { groupName, userName, type GroupEntry, type PasswdEntry } from './etc-group';
import type { FileProbe } from './system-files';

/** Owner, group and mode of a socket path, as `ls -l` / `stat -c %a` show them. */
export function socketFacts(path: string, files: Pick<FileProbe, 'stat' | 'linkTarget'>, users: readonly PasswdEntry[], groups: readonly GroupEntry[]): SocketFacts {
  const st = files.stat(path);
  const facts: SocketFacts = { path, exists: st !== undefined };
  const target = files.linkTarget(path);
  if (target !== undefined) facts.linkTarget = target;
  if (st) {
    facts.owner = userName(users, st.uid);
    facts.group = groupName(groups, st.gid);
    facts.mode = (st.mode & 0o7777).toString(8);
  }
  return facts;
}
