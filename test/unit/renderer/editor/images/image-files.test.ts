// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import {
  base64Of,
  imageFiles,
  isImagePaste,
  largeImageWarning,
  nameOf,
} from '../../../../../renderer/editor/images/image-files';

/** Enough of a DataTransfer for the paste check: its files and its text. */
function clipboard(files: File[], text = ''): DataTransfer {
  return {
    files: files as unknown as FileList,
    getData: (type: string) => (type === 'text/plain' ? text : ''),
  } as unknown as DataTransfer;
}

const png = new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47])], 'Harbour.png', { type: 'image/png' });

describe('image files', () => {
  it('keeps only images', () => {
    const text = new File(['notes'], 'notes.txt', { type: 'text/plain' });
    const untyped = new File(['x'], 'photo.JPG');
    expect(imageFiles([png, text, untyped]).map((file) => file.name)).toEqual(['Harbour.png', 'photo.JPG']);
  });

  it('takes a paste of image files alone, and leaves one with text to the paste handling', () => {
    expect(isImagePaste(clipboard([png]))).toBe(true);
    expect(isImagePaste(clipboard([png], 'A paragraph from Word'))).toBe(false);
    expect(isImagePaste(clipboard([], ''))).toBe(false);
    expect(isImagePaste(null)).toBe(false);
  });

  it('encodes bytes as base64', async () => {
    expect(await base64Of(png)).toBe('iVBORw==');
  });

  it('names an unnamed pasted screenshot by date', () => {
    expect(nameOf(new File(['x'], 'image.png', { type: 'image/png' }))).toMatch(
      /^pasted-image-\d{4}-\d{2}-\d{2}\.png$/,
    );
    expect(nameOf(png)).toBe('Harbour.png');
  });
});

describe('largeImageWarning', () => {
  it('flags images over the social-image limits: 5 MB or 4096 px', () => {
    expect(largeImageWarning({ width: 1600, height: 900, bytes: 400_000, format: 'jpg' })).toBeNull();
    expect(largeImageWarning({ width: 6000, height: 4000, bytes: 7_200_000, format: 'jpg' })).toBe(
      'This image is large: 7.2 MB (over 5 MB) and 6000 × 4000 px (over 4096 px). Readers will wait for it to load; consider exporting a smaller copy.',
    );
    expect(largeImageWarning({ width: 5000, height: 300, bytes: 90_000, format: 'png' })).toContain('5000 × 300 px');
    expect(largeImageWarning(null)).toBeNull();
  });
});
