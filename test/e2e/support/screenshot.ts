import { join } from 'node:path';
import type { Page } from '@playwright/test';

/** Where every spec saves its screenshots (the README's pictures are picked from here into docs/screenshots). */
export const SHOTS = join(__dirname, '../../../test-results/screenshots');

/**
 * A screenshot of the whole page although the shell scrolls inside `#content` (a fullPage screenshot only sees the
 * window): the viewport grows to the content's height for the shot and is put back afterwards.
 */
export async function screenshotWholeContent(page: Page, path: string): Promise<void> {
  const viewport = page.viewportSize() ?? { width: 1280, height: 800 };
  const extra = await page.evaluate(() => {
    const content = document.getElementById('content');
    return content ? content.scrollHeight - content.clientHeight : 0;
  });
  if (extra > 0) await page.setViewportSize({ width: viewport.width, height: viewport.height + extra });
  try {
    await page.evaluate(() => document.getElementById('content')?.scrollTo(0, 0));
    await page.screenshot({ path, fullPage: true, animations: 'disabled', caret: 'hide' });
  } finally {
    if (extra > 0) await page.setViewportSize(viewport);
  }
}
