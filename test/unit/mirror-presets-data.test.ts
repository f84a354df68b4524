/** The shipped mirror presets: valid data, addresses the engine would take, and honest about who may use them. */
import { describe, expect, it } from 'vitest';
import { parsePresetList } from '../../src/main/core/registry-mirrors/mirror-presets-store';
import { BUILT_IN_PRESETS, mirrorFromPattern, mirrorPresetListSchema } from '../../src/shared/mirror-presets';
import { checkPrefix } from '../../src/shared/prefix-mirrors';
import { normalizeMirror } from '../../src/shared/registry-mirrors';

describe('shipped presets', () => {
  it('pass the schema a loaded list must pass, each with a date its facts were checked', () => {
    expect(mirrorPresetListSchema.safeParse(BUILT_IN_PRESETS).success).toBe(true);
    for (const preset of BUILT_IN_PRESETS.presets) expect(preset.checkedAt).toMatch(/^2026-/);
  });
  it('their addresses are what registry-mirrors and prefix pulls take', () => {
    for (const preset of BUILT_IN_PRESETS.presets) {
      if (preset.hubMirror) expect(normalizeMirror(preset.hubMirror)).toEqual({ value: preset.hubMirror });
      if (preset.prefix) expect(checkPrefix(preset.prefix.host)).toEqual({ value: preset.prefix.host });
    }
  });
  it('DaoCloud: its allow-list, limits and status page; its prefix covers the six registries', () => {
    const dao = BUILT_IN_PRESETS.presets.find((p) => p.id === 'daocloud');
    expect(dao?.limits.en).toMatch(/allow-list/);
    expect(dao?.limits['zh-CN']).toContain('不在白名单');
    expect(dao?.statusPage).toBe('https://status.daocloud.io');
    expect(dao?.prefix?.registries).toEqual(['ghcr.io', 'gcr.io', 'quay.io', 'registry.k8s.io', 'mcr.microsoft.com', 'nvcr.io']);
  });
  it('Aliyun and Tencent say plainly they work only inside their clouds', () => {
    for (const id of ['aliyun', 'tencent']) expect(BUILT_IN_PRESETS.presets.find((p) => p.id === id)?.restricted).toBe(true);
    expect(BUILT_IN_PRESETS.presets.find((p) => p.id === 'aliyun')?.audience['zh-CN']).toContain('仅限阿里云');
  });
  it('an address from a pattern: the id alone or the whole address', () => {
    const pattern = 'https://<your-id>.mirror.aliyuncs.com';
    expect(mirrorFromPattern(pattern, 'abc123')).toBe('https://abc123.mirror.aliyuncs.com');
    expect(mirrorFromPattern(pattern, ' https://ABC123.mirror.aliyuncs.com/ ')).toBe('https://abc123.mirror.aliyuncs.com');
    expect(mirrorFromPattern(pattern, 'https://evil.example.com')).toBeUndefined();
  });
  it('a loaded list: not JSON, or JSON that is not a preset list, says where', () => {
    expect(() => parsePresetList('<html>')).toThrow(/not a JSON file/);
    expect(() => parsePresetList(JSON.stringify({ format: 'wharf-mirror-presets', version: 1, presets: [] }))).toThrow(/at presets/);
    expect(() => parsePresetList(JSON.stringify({ ...BUILT_IN_PRESETS, presets: [...BUILT_IN_PRESETS.presets, BUILT_IN_PRESETS.presets[0]] }))).toThrow(/unique/);
  });
});
