/**
 * The pages' code is loaded while the shell is idle: a first visit to Images or Containers asks the server for no
 * code, so it waits only for its list.
 */
import { expect, test } from '@playwright/test';
import { openApp } from '../support/e2e-env';

test('page chunks are fetched while the Dashboard is idle; the first visit to Images fetches none', async ({ page }) => {
  const chunks: string[] = [];
  page.on('request', (r) => {
    const name = /\/assets\/([A-Za-z]+Page)-[^/]+\.(js|css)$/.exec(r.url());
    if (name) chunks.push(`${name[1]}.${name[2]}`);
  });
  const preloaded = Promise.all([/\/assets\/ImagesPage-[^/]+\.js$/, /\/assets\/ContainersPage-[^/]+\.js$/].map((re) => page.waitForRequest(re, { timeout: 15_000 })));
  await openApp(page);
  await preloaded;
  await expect(page.getByTestId('page-dashboard')).toBeVisible();
  expect(chunks).toEqual(expect.arrayContaining(['ImagesPage.js', 'ImagesPage.css', 'ContainersPage.js', 'ContainersPage.css']));
  const before = chunks.length;
  await page.getByTestId('nav-images').click();
  await expect(page.getByTestId('image-row').first()).toBeVisible();
  await page.getByTestId('nav-containers').click();
  await expect(page.getByTestId('page-containers')).toBeVisible();
  expect(chunks.slice(before).filter((c) => c.startsWith('ImagesPage') || c.startsWith('ContainersPage'))).toEqual([]);
});
