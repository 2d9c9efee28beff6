// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act } from 'react';
import { DRAG_DROP_PASTE } from '@lexical/rich-text';
import { PASTE_COMMAND } from 'lexical';
import type { ImportedMedia, MediaImportRequest } from '../../../../../shared/api';
import { AppFailure } from '../../../../../shared/errors';
import { invoke } from '../../../../../renderer/api';
import { registerDecoratorViews } from '../../../../../renderer/editor/nodes/register-views';
import { allByRole, click, getByRole, typeInto, settleLazyParts } from '../../dom';
import { mountEditor, selectText, type EditorHarness } from '../editor-harness';

// The app draws images with their description field, as at start-up.
registerDecoratorViews();

vi.mock('../../../../../renderer/api', () => ({
  invoke: vi.fn(),
  on: vi.fn(() => () => undefined),
  mediaUrl: vi.fn(() => ''),
}));

let imports: MediaImportRequest[];
let answer: (request: MediaImportRequest) => Promise<ImportedMedia>;
let harness: EditorHarness | undefined;

// happy-dom's FileReader answers on a real timer; this one answers at once, as a fast disk would.
class InstantFileReader {
  result: string | null = null;
  error: Error | null = null;
  onload: (() => void) | null = null;
  onerror: (() => void) | null = null;
  readAsDataURL(file: File) {
    queueMicrotask(() => {
      this.result = `data:${file.type};base64,${btoa(file.name)}`;
      this.onload?.();
    });
  }
}

beforeEach(() => {
  vi.stubGlobal('FileReader', InstantFileReader);
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'requestAnimationFrame', 'cancelAnimationFrame'] });
  imports = [];
  answer = async (request) => ({
    src: `/images/${request.name}`,
    path: `static/images/${request.name}`,
    reused: false,
    info: { width: 800, height: 600, bytes: 120_000, format: 'png' },
    reason: 'the site’s media_folder',
  });
  vi.mocked(invoke).mockReset();
  vi.mocked(invoke).mockImplementation((async (name: string, arg: unknown) => {
    if (name === 'media:import') {
      imports.push(arg as MediaImportRequest);
      return answer(arg as MediaImportRequest);
    }
    throw new Error(`unexpected ${name}`);
  }) as typeof invoke);
});
afterEach(async () => {
  await harness?.mounted.unmount();
  harness = undefined;
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

const png = (name: string) => new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47])], name, { type: 'image/png' });

/** Lets the file reads and the back end's answers land. */
async function settle() {
  await act(async () => {
    for (let round = 0; round < 5; round += 1) await vi.advanceTimersByTimeAsync(20);
  });
}

async function choose(h: EditorHarness, files: File[]) {
  const input = h.container.querySelector<HTMLInputElement>(
    'input[type="file"][aria-label="Choose images to insert"]',
  )!;
  Object.defineProperty(input, 'files', { value: files, configurable: true });
  await act(async () => input.dispatchEvent(new Event('change', { bubbles: true })));
  await settle();
}

describe('adding images', () => {
  it('the image button opens the file chooser; a chosen file lands in its own paragraph after the caret’s', async () => {
    harness = await mountEditor('First line.\n\nLast line.\n');
    const h = harness;
    const input = h.container.querySelector<HTMLInputElement>('input[type="file"]')!;
    const clicked = vi.spyOn(input, 'click');
    await selectText(h.editor, 'First', 'end');
    await click(getByRole(getByRole(h.container, 'toolbar', 'Formatting'), 'button', 'Insert image'));
    expect(clicked).toHaveBeenCalledTimes(1);
    await act(async () =>
      h.store.dispatch({
        type: 'seo-context',
        path: 'content/posts/harbour.md',
        context: { siteUrl: null, displayUrl: null, otherPosts: [], existingPaths: ['static/old.png'], mapping: {} },
      }),
    );
    await choose(h, [png('gull.png')]);
    expect(imports).toEqual([{ post: 'content/posts/harbour.md', name: 'gull.png', data: btoa('gull.png') }]);
    // The publish checks learn the new file exists, and the picture shows from the writer's own file.
    expect(h.store.getState().seoContext?.existingPaths).toEqual(['static/old.png', 'static/images/gull.png']);
    expect(h.body.querySelector('img')?.getAttribute('src')).toMatch(/^blob:/);
    expect(h.markdown()).toBe('First line.\n\n![](/images/gull.png)\n\nLast line.\n');
    const notice = getByRole(h.container, 'status');
    expect(notice.textContent).toContain('Added static/images/gull.png (the site’s media_folder).');
    // The description field is asked for at once.
    expect(document.activeElement?.classList.contains('ed-image__alt-input')).toBe(true);
    // The "Added" line goes by itself after a few seconds.
    await act(async () => vi.advanceTimersByTime(6000));
    expect(allByRole(h.container, 'status').filter((s) => s.classList.contains('image-notice'))).toHaveLength(0);
  });

  it('says when the same bytes were already in the site, and warns about a large picture until dismissed', async () => {
    harness = await mountEditor('Text.\n');
    const h = harness;
    answer = async (request) => ({
      src: `/images/${request.name}`,
      path: `static/images/${request.name}`,
      reused: true,
      info: { width: 6000, height: 4000, bytes: 7_400_000, format: 'jpeg' },
      reason: 'the site’s media_folder',
    });
    await selectText(h.editor, 'Text.', 'end');
    await choose(h, [png('cliff.png')]);
    const notice = getByRole(h.container, 'status');
    expect(notice.textContent).toContain('Used static/images/cliff.png, already in the site.');
    expect(notice.textContent).toContain('This image is large: 7.4 MB (over 5 MB) and 6000 × 4000 px (over 4096 px).');
    await act(async () => vi.advanceTimersByTime(60_000));
    await click(getByRole(notice, 'button', 'Dismiss'));
    expect(h.container.querySelector('.image-notice')).toBeNull();
  });

  it('tells the writer when the back end could not copy the file, and inserts nothing', async () => {
    harness = await mountEditor('Text.\n');
    const h = harness;
    answer = async () => {
      throw new AppFailure({ code: 'io', message: 'The disk is full.' });
    };
    await choose(h, [png('gull.png')]);
    expect(getByRole(h.container, 'alert').textContent).toContain('Could not add gull.png: The disk is full.');
    expect(h.markdown()).toBe('Text.\n');
  });

  it('takes pasted image files, but leaves a paste with text to the paste handling', async () => {
    harness = await mountEditor('Text.\n');
    const h = harness;
    await selectText(h.editor, 'Text.', 'end');
    const paste = async (text: string) => {
      const data = new DataTransfer();
      data.items.add(png('shot.png'));
      if (text) data.setData('text/plain', text);
      const event = new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true });
      let handled = false;
      await act(async () => {
        handled = h.editor.dispatchCommand(PASTE_COMMAND, event);
      });
      return handled;
    };
    await paste('words');
    // The text paste waits for the paste converters, loaded on demand.
    await settleLazyParts();
    expect(imports).toHaveLength(0);
    const handled = await paste('');
    await settle();
    expect(handled).toBe(true);
    expect(imports.map((request) => request.name)).toEqual(['shot.png']);
    // The text paste went to the paste handling, which typed the words.
    expect(h.markdown()).toBe('Text.words\n\n![](/images/shot.png)\n');
  });

  it('refuses a dropped file that is not an image, naming it', async () => {
    harness = await mountEditor('Text.\n');
    const h = harness;
    await act(async () => {
      h.editor.dispatchCommand(DRAG_DROP_PASTE, [new File(['x'], 'notes.pdf', { type: 'application/pdf' })]);
    });
    expect(getByRole(h.container, 'alert').textContent).toBe(
      'Only images can be added to a post (PNG, JPEG, GIF, WebP, AVIF or SVG); “notes.pdf” is not one.×',
    );
    await act(async () => {
      h.editor.dispatchCommand(DRAG_DROP_PASTE, [png('a.png'), png('b.png')]);
    });
    await settle();
    expect(imports.map((request) => request.name)).toEqual(['a.png', 'b.png']);
    expect(h.markdown()).toContain('![](/images/a.png)');
    expect(h.markdown()).toContain('![](/images/b.png)');
  });
});

describe('the image description field', () => {
  it('writes what the writer types into the image’s alt text, and Enter goes back to the text after it', async () => {
    harness = await mountEditor('![Old words](/img/gull.png)\n\nNext line.\n');
    const h = harness;
    const field = getByRole(h.body, 'textbox', 'Image description (alt text)') as HTMLInputElement;
    expect(field.value).toBe('Old words');
    await act(async () => field.focus());
    await typeInto(field, 'A gull on the pier');
    expect(h.markdown()).toBe('![A gull on the pier](/img/gull.png)\n\nNext line.\n');
    const enter = new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true });
    await act(async () => field.dispatchEvent(enter));
    expect(enter.defaultPrevented).toBe(true);
    expect(document.activeElement).toBe(h.body);
    expect(h.markdown()).toBe('![A gull on the pier](/img/gull.png)\n\nNext line.\n');
    // Undo puts the old description back in the field.
    await click(getByRole(getByRole(h.container, 'toolbar', 'Formatting'), 'button', 'Undo'));
    expect(h.markdown()).toBe('![Old words](/img/gull.png)\n\nNext line.\n');
    expect((getByRole(h.body, 'textbox', 'Image description (alt text)') as HTMLInputElement).value).toBe('Old words');
  });
});
