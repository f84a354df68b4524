/**
 * An htpasswd file for the private registry (bcrypt, which distribution requires). No `htpasswd` here and no
 * bcrypt in node_modules: the system's crypt(3) (libxcrypt, through perl-base) makes `$2b$` hashes.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { run } from './exec';

const BCRYPT_ALPHABET = './ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

function bcryptSalt(): string {
  const bytes = randomBytes(22);
  let salt = '';
  for (let i = 0; i < 21; i += 1) salt += BCRYPT_ALPHABET[bytes[i]! % 64];
  // The 22nd character carries only 2 bits: keep it in the set crypt(3) accepts unchanged.
  return salt + '.Oeu'[bytes[21]! % 4];
}

export async function bcryptHash(password: string): Promise<string> {
  const result = await run('/usr/bin/perl', ['-e', 'print crypt($ARGV[0], $ARGV[1])', password, `$2b$05$${bcryptSalt()}`]);
  const hash = result.stdout.trim();
  if (result.code !== 0 || !/^\$2[aby]\$05\$[./A-Za-z0-9]{53}$/.test(hash)) {
    throw new Error(`crypt(3) did not make a bcrypt hash (exit ${result.code}): ${result.stderr.trim()}`);
  }
  return hash;
}

export async function writeHtpasswd(file: string, users: Record<string, string>): Promise<void> {
  const lines: string[] = [];
  for (const [user, password] of Object.entries(users)) lines.push(`${user}:${await bcryptHash(password)}`);
  fs.writeFileSync(file, `${lines.join('\n')}\n`, { mode: 0o600 });
}
