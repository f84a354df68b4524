/**
 * Images and Containers follow Docker's events behind their hidden page once visited: an image removed while the
 * user is on another page is not among the rows the next visit shows first (they are current, not the last list), and
 * the list that reconciles them moves none.
 */
import { expect, test } from '@playwright/test';
import { docker, openPage } from '../support/e2e-env';

const REF = 'e2e-warm/gone:1';

test.afterAll(async () => {
  await docker(['rmi', '-f', REF]).catch(() => undefined);
  await docker(['rm', '-f', 'e2e-warm-src']).catch(() => undefined);
});

test('an image removed while Containers is shown is gone from the first rows of the next Images visit', async ({ page }) => {
  // A new image (its own Created time): the newest, so the first row.
  await docker(['create', '--name', 'e2e-warm-src', 'busybox:latest', 'true']);
  await docker(['commit', 'e2e-warm-src', REF]);
  await openPage(page, 'images');
  await expect(page.locator('[data-testid="image-row"][data-repository="e2e-warm/gone"]')).toBeVisible();

  await page.getByTestId('nav-containers').click();
  await expect(page.getByTestId('page-containers')).toBeVisible();
  await docker(['rmi', REF]);
  // The image event reaches the hidden list (debounced at most 700 ms) and it lists again.
  await page.waitForTimeout(2_500);

  // The rows the visit shows first, read the moment the first one is in the page (before any reconciling list).
  const first = await page.evaluate(
    () =>
      new Promise<string[]>((resolve) => {
        (document.querySelector('[data-testid="nav-images"]') as HTMLElement).click();
        const check = (): void => {
          const rows = [...document.querySelectorAll('[data-testid="page-images"] [data-testid="image-row"]')];
          if (rows.length > 0) resolve(rows.map((r) => `${r.getAttribute('data-repository') ?? ''}:${r.getAttribute('data-tag') ?? ''}@${r.getAttribute('data-id') ?? ''}`));
          else requestAnimationFrame(check);
        };
        check();
      }),
  );
  expect(first.length).toBeGreaterThan(0);
  expect(first.some((row) => row.startsWith('e2e-warm/gone:'))).toBe(false);
  // Nothing jumps: once the reconciling list has answered, the same rows in the same order.
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(1_000);
  const settled = await page
    .locator('[data-testid="page-images"] [data-testid="image-row"]')
    .evaluateAll((rows) => rows.map((r) => `${r.getAttribute('data-repository') ?? ''}:${r.getAttribute('data-tag') ?? ''}@${r.getAttribute('data-id') ?? ''}`));
  expect(settled).toEqual(first);
});
