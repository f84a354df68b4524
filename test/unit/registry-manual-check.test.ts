/** "I ran them: check" (web mode): in effect, only written (the reload is missing), or not written yet. */
import { describe, expect, it } from 'vitest';
import { manualVerdict } from '../../src/renderer/src/pages/registries/registry-mirrors/ManualCheck';
import type { RegistryMirrorsState, RegistrySettings } from '../../src/shared/registry-mirrors';

const wanted: RegistrySettings = { registryMirrors: ['http://127.0.0.1:5000', 'https://docker.m.daocloud.io'], insecureRegistries: [] };
const none: RegistrySettings = { registryMirrors: [], insecureRegistries: [] };

function state(settings: RegistrySettings, inEffect?: RegistrySettings): RegistryMirrorsState {
  return { path: '/etc/docker/daemon.json', exists: true, hash: 'x', settings, otherKeys: [], rootless: false, apply: 'commands', ...(inEffect ? { inEffect } : {}) };
}

describe('manualVerdict', () => {
  it('in effect when the engine uses the wanted mirrors in that order (its trailing slashes aside)', () => {
    expect(manualVerdict(state(wanted, { registryMirrors: ['http://127.0.0.1:5000/', 'https://docker.m.daocloud.io/'], insecureRegistries: [] }), wanted)).toBe('in-effect');
  });

  it('written but not in effect: the reload is missing (also when the order differs)', () => {
    expect(manualVerdict(state(wanted, none), wanted)).toBe('file-only');
    expect(manualVerdict(state(wanted, { registryMirrors: [...wanted.registryMirrors].reverse(), insecureRegistries: [] }), wanted)).toBe('file-only');
    expect(manualVerdict(state(wanted), wanted)).toBe('file-only');
  });

  it('not written yet', () => {
    expect(manualVerdict(state(none, none), wanted)).toBe('not-yet');
  });
});
