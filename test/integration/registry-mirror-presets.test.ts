/**
 * Mirror presets are data: the shipped list, or one the user loads from a file or a URL of their choice (here a
 * server on 127.0.0.1). A list that is not a preset list is refused with where it is wrong, and the list in use stays.
 * Wharf itself never fetches: the server sees exactly the requests the test made Wharf make.
 */
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../src/main/core/create-core';
import { BUILT_IN_PRESETS, type MirrorPresetList } from '../../src/shared/mirror-presets';
import { call, makeCoreIn } from './make-core';

const newer: MirrorPresetList = {
  format: 'wharf-mirror-presets',
  version: 1,
  presets: [
    {
      id: 'campus',
      name: { en: 'Campus mirror', 'zh-CN': '校园镜像' },
      hubMirror: 'https://hub.mirror.example.edu',
      audience: { en: 'Students only.', 'zh-CN': '仅限学生。' },
      limits: { en: 'None known.', 'zh-CN': '暂无已知限制。' },
      checkedAt: '2026-11-30',
    },
  ],
};

describe('mirror presets', () => {
  let dir: string;
  let server: http.Server;
  let base: string;
  const requests: string[] = [];
  let core: Core;
  const newCore = (): Core => makeCoreIn({ dockerHost: `unix://${path.join(os.tmpdir(), 'wharf-no-engine.sock')}`, env: { XDG_CONFIG_HOME: path.join(dir, 'xdg') }, home: dir });

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wharf-presets-'));
    server = http.createServer((req, res) => {
      requests.push(req.url ?? '');
      if (req.url === '/presets.json') {
        res.writeHead(200, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify(newer));
      } else if (req.url === '/moved') {
        res.writeHead(302, { Location: '/presets.json' });
        res.end();
      } else if (req.url === '/page') {
        res.writeHead(200, { 'Content-Type': 'text/html' });
        res.end('<html>not json</html>');
      } else {
        res.writeHead(404);
        res.end();
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    core = newCore();
  });

  afterAll(async () => {
    core?.stop();
    await new Promise((resolve) => server.close(resolve));
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('the shipped list: each preset says who may use it, its limits and when its facts were checked; nothing fetched', async () => {
    const presets = await call(core, 'registryMirrors.presets', {});
    expect(presets.source).toEqual({ kind: 'built-in' });
    expect(presets.presets.map((p) => p.id)).toEqual(BUILT_IN_PRESETS.presets.map((p) => p.id));
    const aliyun = presets.presets.find((p) => p.id === 'aliyun');
    expect(aliyun).toMatchObject({ restricted: true, hubMirrorPattern: 'https://<your-id>.mirror.aliyuncs.com' });
    expect(aliyun?.audience.en).toContain('Aliyun cloud');
    expect(requests).toEqual([]);
  });

  it('a list loaded from a URL the user gave is kept (also for the next start) until reset', async () => {
    const loaded = await call(core, 'registryMirrors.loadPresets', { from: `${base}/presets.json` });
    expect(loaded).toMatchObject({ presets: newer.presets, source: { kind: 'url', from: `${base}/presets.json` } });
    expect(requests).toEqual(['/presets.json']);
    const again = newCore();
    expect((await call(again, 'registryMirrors.presets', {})).presets.map((p) => p.id)).toEqual(['campus']);
    again.stop();
    expect(requests).toEqual(['/presets.json']);
    expect((await call(core, 'registryMirrors.resetPresets', {})).source).toEqual({ kind: 'built-in' });
  });

  it('from a file; what is not a preset list, a redirect, or a page is refused and the list in use stays', async () => {
    const file = path.join(dir, 'presets.json');
    fs.writeFileSync(file, JSON.stringify(newer));
    expect((await call(core, 'registryMirrors.loadPresets', { from: file })).source).toMatchObject({ kind: 'file', from: file });
    const broken = path.join(dir, 'broken.json');
    fs.writeFileSync(broken, JSON.stringify({ ...newer, presets: [{ ...newer.presets[0], checkedAt: 'yesterday' }] }));
    expect(await core.invoke('registryMirrors.loadPresets', { from: broken })).toMatchObject({ ok: false, error: { code: 'invalid-input', details: { problem: 'not-presets', at: 'presets.0.checkedAt' } } });
    expect(await core.invoke('registryMirrors.loadPresets', { from: `${base}/page` })).toMatchObject({ ok: false, error: { code: 'invalid-input', details: { problem: 'not-json' } } });
    expect(await core.invoke('registryMirrors.loadPresets', { from: `${base}/moved` })).toMatchObject({ ok: false, error: { code: 'failed', details: { problem: 'unreachable' } } });
    expect(await core.invoke('registryMirrors.loadPresets', { from: `${base}/missing` })).toMatchObject({ ok: false, error: { code: 'failed', details: { problem: 'http-status', status: 404 } } });
    expect(await core.invoke('registryMirrors.loadPresets', { from: 'file:///etc/passwd' })).toMatchObject({ ok: false, error: { code: 'invalid-input', details: { problem: 'not-a-source' } } });
    expect((await call(core, 'registryMirrors.presets', {})).source).toMatchObject({ kind: 'file', from: file });
  });
});
