// @vitest-environment happy-dom
import { act } from 'react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createEditor, type LexicalEditor } from 'lexical';
import type { MastheadBridge, PostDocument, RepoSummary } from '../../../../shared/api';
import { createStore } from '../../../../renderer/app/store';
import { createWorkspaceController } from '../../../../renderer/app/workspace-controller';
import { WorkspaceProvider } from '../../../../renderer/app/WorkspaceContext';
import { initialWorkspaceState, workspaceReducer } from '../../../../renderer/app/workspace-state';
import { ImageView } from '../../../../renderer/editor/nodes/ImageView';
import { mount, type Mounted } from '../dom';
import { collectionId } from '../../../../shared/content/collection-ids';

const repo: RepoSummary = { path: '/tmp/blog', name: 'blog', branch: 'main', collections: [] };
const doc: PostDocument = {
  kind: 'post',
  path: 'content/posts/harbour.md',
  collection: collectionId('content/posts'),
  format: 'yaml',
  frontMatter: { title: 'Harbour' },
  body: '![The harbour](/img/harbour.png)\n',
  version: 'v1',
};

const mediaUrl = vi.fn(
  (postPath: string, src: string) =>
    `masthead-media://media/?post=${encodeURIComponent(postPath)}&src=${encodeURIComponent(src)}`,
);

beforeAll(() => {
  // renderer/api.ts picks window.masthead when present, as in Electron.
  const bridge: MastheadBridge = { invoke: vi.fn(), on: vi.fn(() => () => undefined), mediaUrl };
  window.masthead = bridge;
});

let mounted: Mounted | undefined;
afterEach(async () => {
  await mounted?.unmount();
  mounted = undefined;
  mediaUrl.mockClear();
});

async function render(src: string, alt = 'The harbour') {
  const store = createStore(workspaceReducer, initialWorkspaceState(repo));
  const editorRef: { current: LexicalEditor | null } = { current: null };
  const controller = createWorkspaceController(store, {
    invoke: () => Promise.reject(new Error('no back end')),
    exportBody: () => null,
  });
  store.dispatch({ type: 'open-done', doc });
  mounted = await mount(
    <WorkspaceProvider value={{ store, controller, editorRef }}>
      <ImageView editor={createEditor()} nodeKey="1" src={src} alt={alt} title={null} />
    </WorkspaceProvider>,
  );
  return mounted.container;
}

describe('ImageView', () => {
  it('loads a site-rooted image from the repository, for the open post', async () => {
    const container = await render('/img/harbour.png');
    const image = container.querySelector('img')!;
    expect(mediaUrl).toHaveBeenCalledWith('content/posts/harbour.md', '/img/harbour.png');
    expect(image.getAttribute('src')).toBe(
      'masthead-media://media/?post=content%2Fposts%2Fharbour.md&src=%2Fimg%2Fharbour.png',
    );
    expect(image.getAttribute('alt')).toBe('The harbour');
  });

  it('loads web and data images as written', async () => {
    for (const src of ['https://example.com/a.png', 'data:image/png;base64,AAAA']) {
      const container = await render(src);
      expect(container.querySelector('img')!.getAttribute('src')).toBe(src);
      await mounted!.unmount();
      mounted = undefined;
    }
    expect(mediaUrl).not.toHaveBeenCalled();
  });

  it('shows a placeholder with the path, named by the alt text, when the image fails to load', async () => {
    const container = await render('./missing.png', 'A lost picture');
    await act(async () => container.querySelector('img')!.dispatchEvent(new Event('error')));
    expect(container.querySelector('img')).toBeNull();
    const placeholder = container.querySelector('[role="img"]')!;
    expect(placeholder.getAttribute('aria-label')).toBe('Image: A lost picture');
    expect(placeholder.textContent).toBe('This image can’t be shown here./missing.png');
    // The description stays editable under the placeholder.
    const description = container.querySelector<HTMLInputElement>('input[aria-label="Image description (alt text)"]')!;
    expect(description.value).toBe('A lost picture');
  });
});
