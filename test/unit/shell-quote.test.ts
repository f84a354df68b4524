/** shellQuote (for commands the user copies) survives /bin/sh unchanged: sh is only the test's oracle here. */
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { shellQuote } from '../../src/shared/shell-quote';

/** What /bin/sh makes of the quoted line: the argv it would pass, NUL-separated so newlines survive. */
function throughShell(argv: string[]): string[] {
  const out = execFileSync('/bin/sh', ['-c', `printf '%s\\0' ${shellQuote(argv)}`]).toString();
  return out.split('\0').slice(0, -1);
}

const NASTY = [
  'plain',
  'with space',
  "it's",
  '"double"',
  "'",
  "''",
  'a;b',
  '; touch /tmp/pwned',
  '$(id)',
  '`id`',
  '${HOME}',
  '$HOME',
  'line1\nline2',
  '\n',
  'tab\there',
  'back\\slash',
  '*',
  '~',
  '=ls',
  'a|b&c>d<e',
  '!event',
  '#comment',
  '',
  '中文 路径',
  '-n',
  '%s',
];

describe('shellQuote', () => {
  it.each(NASTY)('%j round-trips through /bin/sh as one argument', (arg) => {
    expect(throughShell([arg])).toEqual([arg]);
  });

  it('keeps a whole argv apart, entry by entry', () => {
    expect(throughShell(NASTY)).toEqual(NASTY);
  });

  it('leaves plain words and absolute paths readable', () => {
    expect(shellQuote(['/usr/sbin/usermod', '-aG', 'docker', 'alice'])).toBe('/usr/sbin/usermod -aG docker alice');
    expect(shellQuote(['sudo', 'sed', '-i', 's+https://download.docker.com+https://mirrors.aliyun.com/docker-ce+', '/etc/yum.repos.d/docker-ce.repo'])).toBe(
      'sudo sed -i s+https://download.docker.com+https://mirrors.aliyun.com/docker-ce+ /etc/yum.repos.d/docker-ce.repo',
    );
  });

  it('quotes a leading "=" (zsh would expand =cmd)', () => {
    expect(shellQuote(['=ls', 'a=b'])).toBe("'=ls' a=b");
  });
});
