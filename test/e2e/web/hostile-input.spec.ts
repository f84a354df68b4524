/**
 * One typed name used to end the web-mode process (`http://busybox` in the Run dialog, a POST of {"image":"a//b"}).
 * Now the name is explained at its field, in the user's language, and the server keeps serving.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { e2eEnv, openPage } from '../support/e2e-env';
import { SHOTS } from '../support/screenshot';

async function typeImage(page: Page, image: string): Promise<void> {
  await openPage(page, 'containers');
  await page.getByTestId('containers-run').click();
  await page.getByTestId('run-dialog').getByTestId('run-image').fill(image);
}

async function post(channel: string, body: unknown): Promise<{ status: number; json: unknown }> {
  const { url, token } = e2eEnv();
  const answer = await fetch(new URL(`api/${channel}`, url), {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: answer.status, json: await answer.json() };
}

test.describe('hostile input', () => {
  test.beforeAll(() => mkdirSync(SHOTS, { recursive: true }));

  test.describe('in zh-CN', () => {
    test.use({ locale: 'zh-CN' });
    test('`http://busybox` as the image is explained at the field, and nothing can be run', async ({ page }) => {
      await typeImage(page, 'http://busybox');
      const dialog = page.getByTestId('run-dialog');
      await expect(dialog.getByTestId('problem-image')).toContainText('这不是镜像引用');
      await expect(dialog.getByTestId('run-submit')).toBeDisabled();
      await page.screenshot({ path: join(SHOTS, 'zh-CN-containers-run-invalid-image.png'), animations: 'disabled', caret: 'hide' });
    });
  });

  test('`a//b` as the image is explained in English; the server answers envelopes and keeps serving', async ({ page }) => {
    await typeImage(page, 'a//b');
    await expect(page.getByTestId('run-dialog').getByTestId('problem-image')).toContainText('Not an image reference');

    // The report's request, and the same class on the other channels that put a name into an engine path.
    const inspect = await post('images.inspect', { image: 'a//b' });
    expect(inspect).toEqual({
      status: 200,
      json: { ok: false, error: expect.objectContaining({ code: 'invalid-input', details: { kind: 'image', problem: 'invalid-format' } }) },
    });
    for (const [channel, body] of [
      ['images.removePlan', { target: { refs: ['busybox/../../containers/json'] } }],
      ['images.tag', { source: 'a//b', target: 'ok:1' }],
      ['images.inspect', { image: 'http://busybox' }],
      ['images.inspect', { image: '%2e%2e' }],
    ] as const) {
      const answer = await post(channel, body);
      expect(answer.status, channel).toBe(200);
      expect(answer.json, channel).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    }
    const facts = await post('engine.facts', {});
    expect(facts.json).toMatchObject({ ok: true });
    // And the page itself still works against the same server.
    await page.reload();
    await expect(page.getByTestId('engine-status')).toHaveAttribute('data-state', 'connected');
  });
});
