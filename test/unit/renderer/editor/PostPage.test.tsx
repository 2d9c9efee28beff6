// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act } from 'react';
import { $createTextNode, $getRoot, type ElementNode, type LexicalEditor } from 'lexical';
import type { PostDocument, RecreateRequest } from '../../../../shared/api';
import { $exportMarkdown } from '../../../../shared/document';
import { invoke } from '../../../../renderer/api';
import { createStore } from '../../../../renderer/app/store';
import { createWorkspaceController } from '../../../../renderer/app/workspace-controller';
import { WorkspaceProvider } from '../../../../renderer/app/WorkspaceContext';
import { initialWorkspaceState, workspaceReducer } from '../../../../renderer/app/workspace-state';
import { PostPage } from '../../../../renderer/editor/PostPage';
import { allByRole, click, getByRole, mount, typeInto, type Mounted, settleLazyParts } from '../dom';
import { postDoc, REPO } from './editor-harness';

vi.mock('../../../../renderer/api', () => ({ invoke: vi.fn(), on: vi.fn(() => () => undefined), mediaUrl: vi.fn() }));

let recreated: RecreateRequest[];
let sent: [string, unknown][];
let mounted: Mounted | undefined;

beforeEach(() => {
  recreated = [];
  sent = [];
  vi.mocked(invoke).mockReset();
  vi.mocked(invoke).mockImplementation((async (name: string, arg: unknown) => {
    if (name === 'post:recreate') {
      recreated.push(arg as RecreateRequest);
      return { version: 'v9' };
    }
    if (name === 'post:raw') return new Promise(() => undefined);
    throw new Error(`unexpected ${name}`);
  }) as typeof invoke);
});
afterEach(async () => {
  await mounted?.unmount();
  mounted = undefined;
});

async function render() {
  const store = createStore(workspaceReducer, initialWorkspaceState(REPO));
  const editorRef: { current: LexicalEditor | null } = { current: null };
  const controller = createWorkspaceController(store, {
    invoke: ((name: string, arg: unknown) => {
      sent.push([name, arg]);
      // The page's own requests go to the file's fake back end; the rest stay unanswered.
      if (name === 'post:recreate' || name === 'post:raw') return invoke(name as never, arg as never);
      return new Promise(() => undefined);
    }) as never,
    exportBody: () => editorRef.current?.read(() => $exportMarkdown()) ?? null,
    journal: { enabled: false },
  });
  mounted = await mount(
    <WorkspaceProvider value={{ store, controller, editorRef }}>
      <PostPage />
    </WorkspaceProvider>,
  );
  const dispatch = async (action: Parameters<typeof store.dispatch>[0]) => {
    await act(async () => store.dispatch(action));
    await settleLazyParts();
  };
  return { container: mounted.container, store, dispatch, editorRef };
}

describe('the centre page', () => {
  it('asks for a post when none is open, says when one is opening, and why one would not open', async () => {
    const { container, dispatch } = await render();
    expect(container.textContent).toBe('No post openChoose a post in the library to start writing.');
    await dispatch({ type: 'open-start', path: 'content/posts/harbour.md' });
    expect(getByRole(container, 'status').textContent).toBe('Opening the post…');
    await dispatch({ type: 'open-failed', error: { code: 'not-found', message: 'The file is gone.' } });
    expect(container.textContent).toContain('The post could not be opened');
    expect(container.textContent).toContain('The file is gone.');
  });

  it('opens a post in the editor, with its title bound to the front matter', async () => {
    const { container, dispatch, store, editorRef } = await render();
    await dispatch({ type: 'open-done', doc: postDoc('Body text.\n') });
    const title = getByRole(container, 'textbox', 'Title') as HTMLTextAreaElement;
    expect(title.value).toBe('Harbour');
    // Titles are one line: a pasted line break becomes a space.
    await typeInto(title, 'Harbour\nat dusk');
    expect(store.getState().post?.frontMatter['title']).toBe('Harbour at dusk');
    const body = getByRole(container, 'textbox', 'Post body');
    const focus = vi.spyOn(editorRef.current!, 'focus');
    const enter = new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true });
    await act(async () => title.dispatchEvent(enter));
    expect(enter.defaultPrevented).toBe(true);
    expect(focus).toHaveBeenCalled();
    expect(body.textContent).toBe('Body text.');
  });

  it('opens a data entry as its form, with no body', async () => {
    const { container, dispatch } = await render();
    const doc: PostDocument = {
      ...postDoc(''),
      kind: 'data',
      path: 'data/authors/ada.yml',
      frontMatter: { name: 'Ada', role: 'Editor' },
    };
    await dispatch({ type: 'open-done', doc });
    expect(container.querySelector('.data-entry__path')?.textContent).toBe('data/authors/ada.yml');
    expect(container.textContent).toContain('Data file (YAML) — no body.');
    expect(allByRole(container, 'textbox', 'Post body')).toHaveLength(0);
    expect(getByRole(container, 'button', 'Save')).toBeTruthy();
  });

  it('opens text the editor cannot read as raw source', async () => {
    const { container, dispatch } = await render();
    await dispatch({
      type: 'open-failed',
      path: 'content/posts/broken.md',
      error: { code: 'invalid-front-matter', message: 'Map keys must be unique' },
    });
    expect(getByRole(container, 'status').textContent).toBe('Reading the file…');
  });
});

describe('page notices', () => {
  it('keeps the edits after a failed save, and writes a deleted post back as a new file', async () => {
    const { container, dispatch, store, editorRef } = await render();
    await dispatch({ type: 'open-done', doc: postDoc('Kept words.\n') });
    // The writer edits the body before the save fails.
    await act(async () =>
      editorRef.current!.update(() => $getRoot().getFirstChild<ElementNode>()!.append($createTextNode(' More.')), {
        discrete: true,
      }),
    );
    await dispatch({ type: 'save-failed', error: { code: 'not-found', message: 'The file was deleted on disk.' } });
    expect(container.textContent).toContain('Not saved — your edits are still here');
    await click(getByRole(container, 'button', 'Save as new file'));
    expect(recreated).toEqual([
      {
        path: 'content/posts/harbour.md',
        baseVersion: 'v1',
        frontMatter: { title: 'Harbour' },
        body: 'Kept words. More.\n',
        format: 'yaml',
      },
    ]);
    expect(store.getState().saveError).toBeNull();
    expect(container.textContent).not.toContain('Not saved');
  });

  it('dismisses a save error, and reports translations a save could not bring in step', async () => {
    const { container, dispatch } = await render();
    await dispatch({ type: 'open-done', doc: postDoc('Words.\n') });
    await dispatch({ type: 'save-failed', error: { code: 'io', message: 'The disk is full.' } });
    expect(allByRole(container, 'button', 'Save as new file')).toHaveLength(0);
    await click(getByRole(container, 'button', 'Dismiss'));
    expect(container.textContent).not.toContain('Not saved');
    await dispatch({ type: 'save-start' });
    await dispatch({
      type: 'save-done',
      path: 'content/posts/harbour.md',
      version: 'v2',
      stillDirty: false,
      translationsFailed: [{ path: 'content/posts/harbour.de.md', message: 'It changed on disk.' }],
    });
    expect(container.textContent).toContain('Saved — but not every translation was brought in step');
    expect(container.textContent).toContain('content/posts/harbour.de.md: It changed on disk.');
    await click(getByRole(container, 'button', 'Dismiss'));
    expect(container.textContent).not.toContain('not every translation');
  });

  it('the Save button saves the edited post and stands out while there is something to save', async () => {
    const { container, dispatch, store, editorRef } = await render();
    await dispatch({ type: 'open-done', doc: postDoc('Words.\n') });
    const save = getByRole(container, 'button', 'Save');
    expect(save.className).toBe('button');
    await act(async () =>
      editorRef.current!.update(() => $getRoot().getFirstChild<ElementNode>()!.append($createTextNode(' More.')), {
        discrete: true,
      }),
    );
    expect(save.className).toBe('button button--primary');
    await click(save);
    const request = sent.find(([name]) => name === 'post:save')?.[1] as { body: string; path: string } | undefined;
    expect(request).toMatchObject({ path: 'content/posts/harbour.md', body: 'Words. More.\n' });
    expect(store.getState().saving).toBe(true);
    expect(save).toHaveProperty('disabled', true);
  });
});
