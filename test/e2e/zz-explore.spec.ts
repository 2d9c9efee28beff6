import { writeFileSync } from 'node:fs';
import { test, expect } from './app-fixture';

for (const site of ['sites/frontmatter-cms', 'sites/plain']) {
  test.describe(site, () => {
  test.use({ site });
  test('explore ' + site, async ({ app }) => {
    const n = site.replace(/\W/g, '');
    const library = app.getByRole('navigation', { name: 'Library' });
    await expect(library).toContainText('Fields ');
    writeFileSync(`/tmp/explore/${n}-library.txt`, await library.ariaSnapshot());
    await library.getByRole('button', { name: 'New post' }).click();
    const dialog = app.getByRole('dialog', { name: 'New post' });
    await dialog.getByRole('textbox', { name: 'Title' }).fill('Café at the Quay');
    writeFileSync(`/tmp/explore/${n}-dialog.txt`, await dialog.ariaSnapshot());
    await dialog.getByRole('button', { name: 'Create post' }).click();
    await expect(app.getByRole('textbox', { name: 'Title', exact: true })).toHaveValue('Café at the Quay');
    await app.getByRole('tab', { name: 'Fields' }).click();
    await app.waitForTimeout(500);
    writeFileSync(`/tmp/explore/${n}-form.txt`, await app.getByRole('tabpanel').ariaSnapshot());
  });
  });
}
