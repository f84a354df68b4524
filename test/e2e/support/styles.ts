import { expect, type Locator } from '@playwright/test';

/**
 * Every button that deletes shares one danger style: its background is the theme's --danger colour (as the
 * browser resolves it), whichever page or wizard it is on.
 */
export async function expectDangerButton(button: Locator): Promise<void> {
  const [background, danger] = await button.evaluate((el) => {
    const probe = document.createElement('span');
    probe.style.color = 'var(--danger)';
    document.body.append(probe);
    const resolved = getComputedStyle(probe).color;
    probe.remove();
    return [getComputedStyle(el).backgroundColor, resolved];
  });
  expect(background, 'the one danger style (.button--danger)').toBe(danger);
}
