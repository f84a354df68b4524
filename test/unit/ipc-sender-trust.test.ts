/**
 * Only the app's own top-level frame, loaded from the app's own origin (wharf://app, or the dev server's origin
 * under `npm run dev`), may call the IPC contract; navigation never leaves the app page. file:// is never the app.
 */
import { describe, expect, it } from 'vitest';
import { APP_INDEX_URL } from '../../src/main/electron/app-scheme';
import { isAppNavigation, isTrustedSender } from '../../src/main/electron/sender-check';

const APP = APP_INDEX_URL;
const DEV = 'http://localhost:5173/';

describe('the app page URL', () => {
  it('is on the wharf://app origin, not a file', () => {
    expect(APP).toBe('wharf://app/index.html');
  });
});

describe('isTrustedSender, packaged app (wharf://app)', () => {
  it('trusts the app page in the top frame, with or without a route hash', () => {
    expect(isTrustedSender({ frameUrl: APP, isTopFrame: true }, APP)).toBe(true);
    expect(isTrustedSender({ frameUrl: `${APP}#/images`, isTopFrame: true }, APP)).toBe(true);
    expect(isTrustedSender({ frameUrl: 'wharf://app/', isTopFrame: true }, APP)).toBe(true);
  });

  it('rejects the app page in a subframe', () => {
    expect(isTrustedSender({ frameUrl: APP, isTopFrame: false }, APP)).toBe(false);
  });

  it.each([
    'file:///opt/Wharf/resources/app.asar/out/renderer/index.html',
    'file:///tmp/index.html',
    'file:///app/index.html',
    'wharf://evil/index.html',
    'wharf://app.evil/index.html',
    'wharf://APP/index.html',
    'wharf://app:8080/index.html',
    'wharf://user:pw@app/index.html',
    'wharfx://app/index.html',
    'evil://app/index.html',
    'http://app/index.html',
    'http://localhost:5173/',
    'https://evil.example/index.html',
    'about:blank',
    'data:text/html,<script>wharf.api</script>',
    'blob:wharf://app/1234',
    'javascript:wharf.api',
  ])('rejects %s', (frameUrl) => {
    expect(isTrustedSender({ frameUrl, isTopFrame: true }, APP)).toBe(false);
  });

  it('rejects a frame that is gone', () => {
    expect(isTrustedSender({ frameUrl: undefined, isTopFrame: true }, APP)).toBe(false);
    expect(isTrustedSender({ frameUrl: '', isTopFrame: true }, APP)).toBe(false);
  });

  it('never trusts anything when the app itself were a file:// page', () => {
    const file = 'file:///opt/Wharf/out/renderer/index.html';
    expect(isTrustedSender({ frameUrl: file, isTopFrame: true }, file)).toBe(false);
  });
});

describe('isTrustedSender, dev server (http://)', () => {
  it('trusts the dev server origin in the top frame', () => {
    expect(isTrustedSender({ frameUrl: DEV, isTopFrame: true }, DEV)).toBe(true);
    expect(isTrustedSender({ frameUrl: `${DEV}#/containers`, isTopFrame: true }, DEV)).toBe(true);
  });

  it('rejects it in a subframe', () => {
    expect(isTrustedSender({ frameUrl: DEV, isTopFrame: false }, DEV)).toBe(false);
  });

  it.each(['http://localhost:5174/', 'https://localhost:5173/', 'http://127.0.0.1:5173/', 'http://evil.example/', 'http://localhost.evil.example:5173/', APP, 'file:///tmp/index.html'])(
    'rejects another origin: %s',
    (frameUrl) => {
      expect(isTrustedSender({ frameUrl, isTopFrame: true }, DEV)).toBe(false);
    },
  );
});

describe('isAppNavigation', () => {
  it('allows route (hash) changes on the app page', () => {
    expect(isAppNavigation(`${APP}#/settings`, APP)).toBe(true);
    expect(isAppNavigation(`${DEV}#/settings`, DEV)).toBe(true);
  });

  it.each([
    ['https://docs.docker.com/', APP],
    ['file:///etc/passwd', APP],
    ['file:///opt/Wharf/resources/app.asar/out/renderer/index.html', APP],
    ['wharf://app/assets/other.html', APP],
    ['wharf://evil/index.html', APP],
    ['evil://app/index.html', APP],
    ['data:text/html,hi', APP],
    ['https://evil.example/', DEV],
    ['http://localhost:5174/', DEV],
    ['javascript:alert(1)', DEV],
    ['not a url', DEV],
  ])('denies leaving the app: %s', (target, app) => {
    expect(isAppNavigation(target, app)).toBe(false);
  });
});
