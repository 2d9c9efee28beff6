/** Publishing from the keyboard as a writer does it: Ctrl+Shift+Enter, then Publish in the question it asks. */
import { expect, type Page } from '@playwright/test';

/** Presses Ctrl+Shift+Enter and confirms the "Publish …?" question. */
export async function publishFromKeyboard(app: Page): Promise<void> {
  await app.keyboard.press('Control+Shift+Enter');
  const question = app.getByRole('dialog', { name: /^Publish / });
  await expect(question).toBeVisible();
  await question.getByRole('button', { name: 'Publish', exact: true }).click();
  await expect(question).toBeHidden();
}
