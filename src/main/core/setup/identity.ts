import { userInfo } from 'node:os';

/**
 * Who the setup wizard diagnoses and fixes for. It comes from the OS (never from the renderer): the user this
 * process runs as, and the groups this running session carries.
 */
export interface OsIdentity {
  name: string;
  uid: number;
  /** Primary group. */
  gid: number;
  home: string;
  /** Supplementary groups of this session (process.getgroups()): what the kernel checks on the socket. */
  groups: number[];
}

/** The identity of this process. */
export function processIdentity(): OsIdentity {
  const info = userInfo();
  return {
    name: info.username,
    uid: info.uid,
    gid: info.gid,
    home: info.homedir,
    groups: process.getgroups?.() ?? [],
  };
}
