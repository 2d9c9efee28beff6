// @vitest-environment happy-dom
import { act } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import type { SchemaField } from '../../../../../shared/content/schema/types';
import { AppFailure } from '../../../../../shared/errors';
import { getByRole } from '../../dom';
import { field, renderForm, wait, type FormUnderTest } from '../form-harness';

let current: FormUnderTest | undefined;
afterEach(async () => {
  await current?.unmount();
  current = undefined;
});

/** Hands `file` to the field's hidden file input, as the browser does after the dialog. */
async function choose(form: HTMLElement, file: File): Promise<void> {
  const input = form.querySelector<HTMLInputElement>('input[type="file"]')!;
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  await act(async () => {
    input.dispatchEvent(new Event('change', { bubbles: true }));
    await wait(0);
  });
}

const cover = field('image', 'cover', { label: 'Cover image', mediaFolder: '/static/covers', publicFolder: '/covers' });
const picture = new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47])], 'Harbour.png', { type: 'image/png' });

describe('image fields: Choose…', () => {
  it('copies the picked image with the field’s folders and writes the path it gets', async () => {
    const asked: { name: string; field: SchemaField }[] = [];
    current = await renderForm(
      [cover],
      {},
      {
        services: {
          importImage: async (file, f) => {
            asked.push({ name: file.name, field: f });
            return { src: '/covers/harbour.png', warning: null };
          },
        },
      },
    );
    expect(getByRole(current.form, 'button', 'Choose image for Cover image')).toBeTruthy();
    await choose(current.form, picture);
    expect(asked).toEqual([{ name: 'Harbour.png', field: cover }]);
    expect(current.last()).toEqual({ cover: '/covers/harbour.png' });
  });

  it('says when the image is large, and why it could not be added', async () => {
    let answer: () => Promise<{ src: string; warning: string | null }> = async () => ({
      src: '/covers/big.png',
      warning: 'This image is large: 7.2 MB (over 5 MB).',
    });
    current = await renderForm([cover], {}, { services: { importImage: () => answer() } });
    await choose(current.form, picture);
    expect(getByRole(current.form, 'status').textContent).toBe('This image is large: 7.2 MB (over 5 MB).');

    answer = () =>
      Promise.reject(
        new AppFailure({ code: 'bad-request', message: '“Harbour.png” is not an image Masthead can add.' }),
      );
    await choose(current.form, picture);
    expect(getByRole(current.form, 'alert').textContent).toBe(
      'Could not add Harbour.png: “Harbour.png” is not an image Masthead can add.',
    );
  });

  it('offers no Choose… without an import service, or on file fields', async () => {
    current = await renderForm([cover, field('file', 'attachment')], {});
    expect(current.form.querySelector('button')).toBeNull();
  });
});
