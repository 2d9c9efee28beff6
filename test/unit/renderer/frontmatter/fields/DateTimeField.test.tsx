// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { inferFieldFromValues } from '../../../../../shared/content/schema/infer';
import { getByRole, typeInto } from '../../dom';
import { descriptionOf, renderForm, type FormUnderTest } from '../form-harness';

let current: FormUnderTest | undefined;
beforeEach(() => {
  // The picker shows zoned times in the writer's local time: run in a known zone (UTC+1 in winter).
  vi.stubEnv('TZ', 'Europe/Paris');
});
afterEach(async () => {
  await current?.unmount();
  current = undefined;
  vi.unstubAllEnvs();
});

/** Renders the field inference gives `key` for `values`, over a post holding the first value. */
async function renderInferred(
  key: string,
  values: string[],
  label: string,
): Promise<{ input: HTMLElement; form: FormUnderTest }> {
  current = await renderForm([inferFieldFromValues(key, values)], { [key]: values[0] ?? '' });
  return { input: getByRole(current.form, 'date', label), form: current };
}

describe('date pickers for inferred date fields', () => {
  it("Astro's `Jun 19 2024`: a date picker, written back as `Jul 04 2024`", async () => {
    const { input, form } = await renderInferred('pubDate', ['Jun 19 2024', 'Jul 02 2024'], 'Pub date');
    expect(input.getAttribute('type')).toBe('date');
    expect(input).toHaveProperty('value', '2024-06-19');
    expect(descriptionOf(input)).toContain('Saved as Jun 19 2024');
    await typeInto(input, '2024-07-04');
    expect(form.last()).toEqual({ pubDate: 'Jul 04 2024' });
  });

  it("Jekyll's `2025-01-29 18:15:32 +0530`: a date-time picker in local time, written back in the post's offset", async () => {
    const { input, form } = await renderInferred(
      'date',
      ['2025-01-29 18:15:32 +0530', '2024-12-10 08:05:00 +0530'],
      'Date',
    );
    expect(input.getAttribute('type')).toBe('datetime-local');
    expect(input).toHaveProperty('value', '2025-01-29T13:45:32');
    expect(descriptionOf(input)).toContain('Your local time. Saved as 2025-01-29 18:15:32 +0530');
    await typeInto(input, '2025-02-03T09:00:00');
    expect(form.last()).toEqual({ date: '2025-02-03 13:30:00 +0530' });
  });

  it('`March 3, 2024`: written back as `November 21, 2024`', async () => {
    const { input, form } = await renderInferred('date', ['March 3, 2024'], 'Date');
    expect(input.getAttribute('type')).toBe('date');
    await typeInto(input, '2024-11-21');
    expect(form.last()).toEqual({ date: 'November 21, 2024' });
  });

  it('`2024-06-19`: a date picker that writes the ISO date', async () => {
    const { input, form } = await renderInferred('date', ['2024-06-19'], 'Date');
    expect(input.getAttribute('type')).toBe('date');
    await typeInto(input, '2024-12-05');
    expect(form.last()).toEqual({ date: '2024-12-05' });
  });
});
