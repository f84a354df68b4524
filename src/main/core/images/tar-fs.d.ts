/** The part of tar-fs 2 (a dockerode dependency) that Wharf uses to pack a build context. */
declare module 'tar-fs' {
  import type { Readable } from 'node:stream';

  export interface PackHeader {
    name: string;
    mode?: number;
    uid?: number;
    gid?: number;
    uname?: string;
    gname?: string;
  }

  export interface PackOptions {
    /** Called with the absolute path of every entry; true leaves it (and, for a directory, its content) out. */
    ignore?(name: string): boolean;
    map?(header: PackHeader): PackHeader;
    /** 0 keeps the files' permission bits as they are. */
    umask?: number;
  }

  export function pack(cwd: string, opts?: PackOptions): Readable;
}
