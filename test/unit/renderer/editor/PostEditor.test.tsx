// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import type { LexicalEditor } from 'lexical';
import type { PostDocument, RepoSummary } from '../../../../shared/api';
import { $exportMarkdown } from '../../../../shared/document';
import { createStore } from '../../../../renderer/app/store';
import { createWorkspaceController } from '../../../../renderer/app/workspace-controller';
import { WorkspaceProvider } from '../../../../renderer/app/WorkspaceContext';
import { initialWorkspaceState, workspaceReducer } from '../../../../renderer/app/workspace-state';
import { PostEditor } from '../../../../renderer/editor/PostEditor';
import { allByRole, getByRole, mount, typeInto, type Mounted } from '../dom';
import { collectionId } from '../../../../shared/content/collection-ids';

const repo: RepoSummary = { path: '/tmp/blog', name: 'blog', branch: 'main', collections: [] };
const doc: PostDocument = {
  kind: 'post',
  path: 'content/posts/rain.md',
  collection: collectionId('content/posts'),
  format: 'yaml',
  frontMatter: { title: 'Rain', seo: { title: 'Rain, again' } },
  body: 'It rained *all* week.\n\n## Umbrellas\n\n- black\n- yellow\n',
  version: 'v1',
};

let mounted: Mounted | undefined;
afterEach(async () => {
  await mounted?.unmount();
  mounted = undefined;
});

async function render() {
  const store = createStore(workspaceReducer, initialWorkspaceState(repo));
  const editorRef: { current: LexicalEditor | null } = { current: null };
  const controller = createWorkspaceController(store, {
    invoke: () => Promise.reject(new Error('no back end in this test')),
    exportBody: () => editorRef.current?.read(() => $exportMarkdown()) ?? null,
  });
  store.dispatch({ type: 'open-done', doc });
  mounted = await mount(
    <WorkspaceProvider value={{ store, controller, editorRef }}>
      <PostEditor doc={doc} />
    </WorkspaceProvider>,
  );
  return { container: mounted.container, store, editorRef };
}

describe('PostEditor', () => {
  it('shows the title, the body and a toolbar whose buttons name their actions', async () => {
    const { container, store } = await render();
    expect(getByRole(container, 'textbox', 'Title')).toHaveProperty('value', 'Rain');
    expect(getByRole(container, 'textbox', 'Post body').textContent).toContain('It rained all week.');
    const toolbar = getByRole(container, 'toolbar', 'Formatting');
    expect(allByRole(toolbar, 'button').map((button) => button.getAttribute('aria-label'))).toEqual([
      'Insert',
      'Insert image',
      'Block type: Paragraph',
      'Bold',
      'Italic',
      'Inline code',
      'Link',
      'Bulleted list',
      'Numbered list',
      'Quote',
      'Undo',
      'Redo',
    ]);
    expect(getByRole(container, 'button', 'Save')).toBeTruthy();
    expect(store.getState().dirty).toBe(false);
  });

  it('loads the body through the Markdown bridge and exports it unchanged', async () => {
    const { editorRef } = await render();
    expect(editorRef.current?.read(() => $exportMarkdown())).toBe(doc.body);
  });

  it('edits the title into the front matter, keeping the rest', async () => {
    const { container, store } = await render();
    await typeInto(getByRole(container, 'textbox', 'Title'), 'Rain, revisited');
    expect(store.getState().post?.frontMatter).toEqual({ title: 'Rain, revisited', seo: { title: 'Rain, again' } });
    expect(store.getState().dirty).toBe(true);
  });
});
