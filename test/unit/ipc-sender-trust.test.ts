/**
 * Only the app's own top-level frame, loaded from the app's own origin (or, packaged, the app's own
 * index.html file), may call the IPC contract; navigation never leaves the app page.
 */
import { describe, expect, it } from 'vitest';
import { isAppNavigation, isTrustedSender } from '../../src/main/electron/sender-check';

const PACKAGED = 'file:///opt/Wharf/resources/app.asar/out/renderer/index.html';
const DEV = 'http://localhost:5173/';

describe('isTrustedSender, packaged app (file://)', () => {
  it('trusts the app page in the top frame, with or without a route hash', () => {
    expect(isTrustedSender({ frameUrl: PACKAGED, isTopFrame: true }, PACKAGED)).toBe(true);
    expect(isTrustedSender({ frameUrl: `${PACKAGED}#/images`, isTopFrame: true }, PACKAGED)).toBe(true);
  });

  it('rejects the app page in a subframe', () => {
    expect(isTrustedSender({ frameUrl: PACKAGED, isTopFrame: false }, PACKAGED)).toBe(false);
  });

  it.each([
    'file:///opt/Wharf/resources/app.asar/out/renderer/other.html',
    'file:///tmp/index.html',
    'file:///home/ada/Downloads/out/renderer/index.html',
    'http://localhost:5173/',
    'https://evil.example/index.html',
    'about:blank',
    'data:text/html,<script>wharf.api</script>',
  ])('rejects %s', (frameUrl) => {
    expect(isTrustedSender({ frameUrl, isTopFrame: true }, PACKAGED)).toBe(false);
  });

  it('rejects a frame that is gone', () => {
    expect(isTrustedSender({ frameUrl: undefined, isTopFrame: true }, PACKAGED)).toBe(false);
    expect(isTrustedSender({ frameUrl: '', isTopFrame: true }, PACKAGED)).toBe(false);
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

  it.each(['http://localhost:5174/', 'https://localhost:5173/', 'http://127.0.0.1:5173/', 'http://evil.example/', 'http://localhost.evil.example:5173/', PACKAGED])(
    'rejects another origin: %s',
    (frameUrl) => {
      expect(isTrustedSender({ frameUrl, isTopFrame: true }, DEV)).toBe(false);
    },
  );
});

describe('isAppNavigation', () => {
  it('allows route (hash) changes on the app page', () => {
    expect(isAppNavigation(`${PACKAGED}#/settings`, PACKAGED)).toBe(true);
    expect(isAppNavigation(`${DEV}#/settings`, DEV)).toBe(true);
  });

  it.each([
    ['https://docs.docker.com/', PACKAGED],
    ['file:///etc/passwd', PACKAGED],
    ['file:///opt/Wharf/resources/app.asar/out/renderer/other.html', PACKAGED],
    ['https://evil.example/', DEV],
    ['http://localhost:5174/', DEV],
    ['javascript:alert(1)', DEV],
    ['not a url', DEV],
  ])('denies leaving the app: %s', (target, app) => {
    expect(isAppNavigation(target, app)).toBe(false);
  });
});
