/**
 * A link the page asks the desktop to open outside the app: only http(s) reaches the system browser; a service
 * on this machine opens at once, any other host only after the user confirms the exact URL; no other scheme,
 * no URL with credentials, nothing that is not a URL.
 */
import { describe, expect, it } from 'vitest';
import { desktopLocale, desktopMessages, fillMessage } from '../../src/main/electron/desktop-messages';
import { decideExternalOpen } from '../../src/main/electron/external-links';

describe('loopback http(s) opens without asking', () => {
  it.each([
    ['http://127.0.0.1:8080', 'http://127.0.0.1:8080/'],
    ['http://127.0.0.1:8080/path?q=1#x', 'http://127.0.0.1:8080/path?q=1#x'],
    ['https://127.0.0.1/', 'https://127.0.0.1/'],
    ['http://127.1.2.3:9000/', 'http://127.1.2.3:9000/'],
    ['http://localhost', 'http://localhost/'],
    ['http://LOCALHOST:3000/', 'http://localhost:3000/'],
    ['http://[::1]:8080/', 'http://[::1]:8080/'],
    ['http://2130706433/', 'http://127.0.0.1/'],
    ['http://0x7f.1/', 'http://127.0.0.1/'],
  ])('%s', (url, opened) => {
    expect(decideExternalOpen(url)).toEqual({ verdict: 'open', url: opened });
  });
});

describe('any other http(s) host needs the user to confirm the exact URL', () => {
  it.each([
    ['http://example.com', 'http://example.com/'],
    ['https://docs.docker.com/engine/security/#docker-daemon-attack-surface', 'https://docs.docker.com/engine/security/#docker-daemon-attack-surface'],
    ['http://192.168.1.20:8080/', 'http://192.168.1.20:8080/'],
    ['http://10.0.0.1/', 'http://10.0.0.1/'],
    ['http://0.0.0.0:8080/', 'http://0.0.0.0:8080/'],
    ['http://localhost.evil.example/', 'http://localhost.evil.example/'],
    ['http://127.0.0.1.evil.example/', 'http://127.0.0.1.evil.example/'],
    ['http://evil.localhost/', 'http://evil.localhost/'],
    ['http://[::ffff:127.0.0.1]/', 'http://[::ffff:7f00:1]/'],
    ['http://[fe80::1]/', 'http://[fe80::1]/'],
    ['https://例子.测试/', 'https://xn--fsqu00a.xn--0zwm56d/'],
  ])('%s', (url, shown) => {
    expect(decideExternalOpen(url)).toEqual({ verdict: 'confirm', url: shown });
  });
});

describe('everything else is refused', () => {
  it.each([
    ['javascript:alert(1)', 'not-http'],
    ['JavaScript:alert(1)', 'not-http'],
    ['file:///etc/passwd', 'not-http'],
    ['file://127.0.0.1/etc/passwd', 'not-http'],
    ['data:text/html,<script>alert(1)</script>', 'not-http'],
    ['smb://192.168.1.2/share', 'not-http'],
    ['ftp://127.0.0.1/', 'not-http'],
    ['ssh://root@127.0.0.1', 'not-http'],
    ['mailto:a@example.com', 'not-http'],
    ['vbscript:msgbox', 'not-http'],
    ['wharf://app/index.html#/images', 'not-http'],
    ['about:blank', 'not-http'],
    ['blob:http://127.0.0.1/1', 'not-http'],
    ['ws://127.0.0.1:8080/', 'not-http'],
    ['x-scheme-handler://whatever', 'not-http'],
    ['http://user:pass@127.0.0.1:8080/', 'credentials'],
    ['http://127.0.0.1:8080@evil.example/', 'credentials'],
    ['https://token@example.com/', 'credentials'],
    ['#/images', 'not-a-url'],
    ['/etc/passwd', 'not-a-url'],
    ['', 'not-a-url'],
    ['http://', 'not-a-url'],
    ['http://[::1', 'not-a-url'],
    [`http://127.0.0.1/${'a'.repeat(3000)}`, 'too-long'],
  ])('%s', (url, reason) => {
    expect(decideExternalOpen(url)).toEqual({ verdict: 'refuse', reason });
  });
});

describe('the confirmation dialog', () => {
  it.each(['en', 'zh-CN'] as const)('%s: shows the exact URL that will be opened, and the button to refuse', (locale) => {
    const text = desktopMessages(locale).openLink;
    const decision = decideExternalOpen('http://example.com/a?b=c#d');
    expect(decision.verdict).toBe('confirm');
    const url = decision.verdict === 'confirm' ? decision.url : '';
    expect(fillMessage(text.detail, { url })).toContain('http://example.com/a?b=c#d');
    expect(text.cancel.length).toBeGreaterThan(0);
  });

  it('speaks the page language: any Chinese variant gets Chinese, anything else English', () => {
    expect(desktopLocale('zh-CN')).toBe('zh-CN');
    expect(desktopLocale('zh-TW')).toBe('zh-CN');
    expect(desktopLocale('en')).toBe('en');
    expect(desktopLocale('de-DE')).toBe('en');
    expect(desktopLocale(undefined)).toBe('en');
  });
});
