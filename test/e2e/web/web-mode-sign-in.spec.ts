/**
 * Web mode's sign-in in Chromium against the real built server: the printed URL's single-use ticket becomes a
 * session the tab keeps in sessionStorage and sends in a header. The bug this closes: the token was a cookie, and a
 * browser sends 127.0.0.1's cookies to every port of 127.0.0.1 — to any local server, `--network host` container or
 * published port the Containers page links to.
 */
import { mkdirSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { expect, test, type Page } from '@playwright/test';
import { e2eEnv } from '../support/e2e-env';
import { SHOTS } from '../support/screenshot';
import { startWebMode, type RunningWebMode } from '../support/web-mode';

const TICKET_REFUSED = {
  en: 'This sign-in address has expired or was already used',
  'zh-CN': '此登录地址已过期或已被使用',
} as const;

/** A plain HTTP server on another loopback port that records what browsers send it: the "other port". */
async function recordingServer(): Promise<{ server: Server; url: string; requests: IncomingHttpHeaders[] }> {
  const requests: IncomingHttpHeaders[] = [];
  const server = createServer((req, res) => {
    requests.push(req.headers);
    res.writeHead(200, { 'Content-Type': 'text/html' }).end('<title>another server</title>another server');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, requests };
}

async function expectSignedIn(page: Page): Promise<void> {
  await expect(page.getByTestId('engine-status')).toHaveAttribute('data-state', 'connected');
  await expect(page.getByTestId('sign-in-needed')).toHaveCount(0);
}

test.describe('signing in through the printed URL', () => {
  let web: RunningWebMode | undefined;
  const token = randomBytes(16).toString('hex');

  test.beforeAll(async () => {
    web = await startWebMode({ dockerHost: e2eEnv().dockerHost, token });
  });
  test.afterAll(async () => {
    await web?.stop();
  });

  test('no credential reaches another port of 127.0.0.1; the ticket leaves the address bar and history; a reload stays signed in', async ({ page, context }) => {
    const other = await recordingServer();
    try {
      await page.goto(web!.printedLoginUrl);
      await expectSignedIn(page);
      expect(page.url()).toBe(web!.url);
      expect(await context.cookies()).toEqual([]);
      const session = await page.evaluate(() => sessionStorage.getItem('wharf.session'));
      expect(session).toBeTruthy();
      const ticket = new URL(web!.printedLoginUrl).searchParams.get('ticket') ?? '';

      // What a click on a published port's link does: the browser goes to another port of the same host.
      await page.goto(other.url);
      await expect(page.locator('body')).toHaveText('another server');
      // The page and whatever else the browser asks of that server (its favicon): no credential in any of them.
      expect(other.requests.length).toBeGreaterThanOrEqual(1);
      for (const sent of other.requests) {
        expect(sent.cookie).toBeUndefined();
        expect(sent.authorization).toBeUndefined();
        expect(sent['x-wharf-session']).toBeUndefined();
        const everything = JSON.stringify(sent);
        for (const secret of [token, session ?? '', ticket]) expect(everything).not.toContain(secret);
      }

      // Back: the history entry of the sign-in holds no ticket, and the tab is still signed in.
      await page.goBack();
      expect(page.url()).toBe(web!.url);
      await expectSignedIn(page);

      await page.reload();
      await expectSignedIn(page);
      await page.getByTestId('nav-images').click();
      await expect(page.getByTestId('page-images')).toBeVisible();
      expect(await context.cookies()).toEqual([]);
    } finally {
      other.server.close();
    }
  });

  for (const locale of ['en', 'zh-CN'] as const) {
    test(`a login URL works once: a second browser gets the sign-in page (${locale})`, async ({ browser }) => {
      const url = await web!.newLoginUrl();
      const first = await browser.newContext();
      try {
        const page = await first.newPage();
        await page.goto(url);
        await expectSignedIn(page);
      } finally {
        await first.close();
      }
      const context = await browser.newContext({ locale });
      try {
        const page = await context.newPage();
        await page.goto(url);
        const signIn = page.getByTestId('sign-in-needed');
        await expect(signIn).toHaveAttribute('data-reason', 'ticket-refused');
        await expect(page.getByTestId('sign-in-reason')).toContainText(TICKET_REFUSED[locale]);
        await expect(page.getByTestId('sign-in-serve-command')).toContainText('npm run serve');
        mkdirSync(SHOTS, { recursive: true });
        await page.screenshot({ path: join(SHOTS, `${locale}-sign-in-ticket-refused.png`) });
        // The used ticket left the address bar too.
        expect(page.url()).toBe(web!.url);
        await expect(page.getByTestId('engine-status')).toHaveCount(0);
      } finally {
        await context.close();
      }
    });
  }

  test('opened without a ticket, the page says where the sign-in URL comes from', async ({ page }) => {
    await page.goto(web!.url);
    await expect(page.getByTestId('sign-in-needed')).toHaveAttribute('data-reason', 'no-ticket');
    await expect(page.getByTestId('sign-in-reason')).toContainText('npm run serve');
  });

  test('a server restarted with a new token ends the tab session: the tab shows the sign-in page', async ({ page }) => {
    await page.goto(await web!.newLoginUrl());
    await expectSignedIn(page);
    const port = web!.port;
    await web!.stop();
    web = await startWebMode({ dockerHost: e2eEnv().dockerHost, token: randomBytes(16).toString('hex'), extraArgs: ['--port', String(port)] });
    await expect(page.getByTestId('sign-in-needed')).toHaveAttribute('data-reason', 'session-ended', { timeout: 20_000 });
  });
});

test('a login URL older than its lifetime is refused (--login-ttl 2); a fresh one works', async ({ browser }) => {
  const web = await startWebMode({ dockerHost: e2eEnv().dockerHost, token: randomBytes(16).toString('hex'), extraArgs: ['--login-ttl', '2'] });
  const context = await browser.newContext();
  try {
    const stale = await web.newLoginUrl();
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    const page = await context.newPage();
    await page.goto(stale);
    await expect(page.getByTestId('sign-in-needed')).toHaveAttribute('data-reason', 'ticket-refused');
    await page.goto(await web.newLoginUrl());
    await expectSignedIn(page);
  } finally {
    await context.close();
    await web.stop();
  }
});
