/**
 * The desktop app refuses to start as root (which would need --no-sandbox) unless the user asks for it with
 * --allow-root or WHARF_ALLOW_ROOT=1, and says why in both languages.
 */
import { describe, expect, it } from 'vitest';
import { rootRefusedText } from '../../src/main/electron/desktop-messages';
import { decideRootStart, type StartFacts } from '../../src/main/electron/root-guard';

const ELECTRON_ARGV = ['/opt/Wharf/wharf', '/opt/Wharf/resources/app.asar/out/main/index.js'];

function decide(facts: Partial<StartFacts>): ReturnType<typeof decideRootStart> {
  return decideRootStart({ uid: 1000, argv: ELECTRON_ARGV, env: {}, ...facts });
}

describe('starting as root', () => {
  it('is refused by default, also with --no-sandbox', () => {
    expect(decide({ uid: 0 })).toBe('refuse-root');
    expect(decide({ uid: 0, argv: [...ELECTRON_ARGV, '--no-sandbox'] })).toBe('refuse-root');
  });

  it('runs when the user asks explicitly', () => {
    expect(decide({ uid: 0, argv: [...ELECTRON_ARGV, '--no-sandbox', '--allow-root'] })).toBe('run');
    expect(decide({ uid: 0, env: { WHARF_ALLOW_ROOT: '1' } })).toBe('run');
  });

  it.each([
    ['--allow-root=no', { argv: [...ELECTRON_ARGV, '--allow-root=no'] }],
    ['--allow-rooted', { argv: [...ELECTRON_ARGV, '--allow-rooted'] }],
    ['WHARF_ALLOW_ROOT=0', { env: { WHARF_ALLOW_ROOT: '0' } }],
    ['WHARF_ALLOW_ROOT=', { env: { WHARF_ALLOW_ROOT: '' } }],
    ['WHARF_ALLOW_ROOT=true', { env: { WHARF_ALLOW_ROOT: 'true' } }],
    ['ALLOW_ROOT=1', { env: { ALLOW_ROOT: '1' } }],
  ])('%s is not an explicit yes', (_name, facts) => {
    expect(decide({ uid: 0, ...facts })).toBe('refuse-root');
  });
});

describe('starting as a user', () => {
  it.each([1000, 1, 65534, undefined])('uid %s runs', (uid) => {
    expect(decide({ uid })).toBe('run');
  });
});

describe('the refusal', () => {
  it('names the way out and the reason, in English and Chinese', () => {
    const text = rootRefusedText();
    expect(text).toContain('--allow-root');
    expect(text).toContain('WHARF_ALLOW_ROOT=1');
    expect(text).toContain('--no-sandbox');
    expect(text).toMatch(/root/);
    expect(text).toMatch(/沙箱/);
    expect(text.trim().split('\n')).toHaveLength(2);
  });
});
