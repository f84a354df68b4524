import { describe, expect, it } from 'vitest';
import { isAnonymousVolume, volumeCreateCommand } from '../../src/shared/volume-list';

const HEX = 'a3f1'.repeat(16);

describe('anonymous volumes, as the engine tells them', () => {
  it('are the ones labelled com.docker.volume.anonymous (Docker 23 and later), whatever their name', () => {
    expect(isAnonymousVolume(HEX, { 'com.docker.volume.anonymous': '' })).toBe(true);
    expect(isAnonymousVolume('cache', { 'com.docker.volume.anonymous': '' })).toBe(true);
  });

  it('are the ones with a generated 64-hex name when an older engine set no label', () => {
    expect(isAnonymousVolume(HEX, null)).toBe(true);
    expect(isAnonymousVolume(HEX, {})).toBe(true);
  });

  it('are not named volumes, nor names that merely look hexadecimal', () => {
    expect(isAnonymousVolume('pgdata', { team: 'db' })).toBe(false);
    expect(isAnonymousVolume(HEX.slice(0, 63), null)).toBe(false);
    expect(isAnonymousVolume(HEX.toUpperCase(), null)).toBe(false);
    expect(isAnonymousVolume(`${HEX}0`, null)).toBe(false);
  });
});

describe('the docker volume create command shown', () => {
  it('names the driver only when not local, then labels, options and the name', () => {
    expect(volumeCreateCommand({ name: 'data', driver: 'local', labels: { a: 'b' }, options: { type: 'tmpfs' } })).toEqual(['docker', 'volume', 'create', '--label', 'a=b', '--opt', 'type=tmpfs', 'data']);
    expect(volumeCreateCommand({ driver: 'nfs', labels: {}, options: {} })).toEqual(['docker', 'volume', 'create', '--driver', 'nfs']);
  });
});
