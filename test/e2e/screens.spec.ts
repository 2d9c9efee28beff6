import { test, expect } from './app-fixture';

// Screenshots of the main screens in both themes, saved under test-results/screens/ for a person
// to look at. The assertions check what the screenshots are of: the theme follows the system.

/** Relative luminance (0 black … 1 white) of a CSS `rgb(r, g, b)` colour. */
function luminance(rgb: string): number {
  const [r = 0, g = 0, b = 0] = (rgb.match(/\d+(\.\d+)?/g) ?? []).map(Number).map((channel) => {
    const c = channel / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

for (const scheme of ['light', 'dark'] as const) {
  test(`the library, editor and inspector in the ${scheme} theme`, async ({ app }) => {
    await app.emulateMedia({ colorScheme: scheme });
    await app
      .getByRole('navigation', { name: 'Library' })
      .getByRole('button', { name: /Harbour Meetup/ })
      .click();
    await expect(app.getByRole('textbox', { name: 'Post body' })).toContainText('customs house');

    const page = app.getByRole('main');
    const background = await page.evaluate((element) => getComputedStyle(element).backgroundColor);
    const text = await app
      .getByRole('textbox', { name: 'Post body' })
      .evaluate((element) => getComputedStyle(element).color);
    if (scheme === 'dark') expect(luminance(background)).toBeLessThan(0.1);
    else expect(luminance(background)).toBeGreaterThan(0.8);
    // Body text against the page meets WCAG AA (4.5:1).
    const [light, dark] = [luminance(background), luminance(text)].sort((a, b) => b - a);
    expect((light! + 0.05) / (dark! + 0.05)).toBeGreaterThan(4.5);

    await app.screenshot({ path: `test-results/screens/editor-fields-${scheme}.png` });
    await app.getByRole('tab', { name: 'Publish' }).click();
    await expect(app.getByRole('button', { name: 'Publish', exact: true })).toBeEnabled();
    await app.screenshot({ path: `test-results/screens/editor-publish-${scheme}.png` });
  });
}
