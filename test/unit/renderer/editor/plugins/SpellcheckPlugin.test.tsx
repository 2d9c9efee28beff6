// @vitest-environment happy-dom
import { act } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { $getRoot, $isElementNode, $isTextNode, type LexicalEditor } from 'lexical';
import type { PostDocument, RepoSummary } from '../../../../../shared/api';
import { $exportMarkdown } from '../../../../../shared/document';
import { createStore } from '../../../../../renderer/app/store';
import { createWorkspaceController } from '../../../../../renderer/app/workspace-controller';
import { WorkspaceProvider } from '../../../../../renderer/app/WorkspaceContext';
import { initialWorkspaceState, workspaceReducer } from '../../../../../renderer/app/workspace-state';
import { PostEditor } from '../../../../../renderer/editor/PostEditor';
import { looksLikeAddress } from '../../../../../renderer/editor/plugins/SpellcheckPlugin';
import { getByRole, mount, type Mounted } from '../../dom';
import { collectionId } from '../../../../../shared/content/collection-ids';

const repo: RepoSummary = { path: '/tmp/blog', name: 'blog', branch: 'main', collections: [] };
const body = [
  'Run `npm ci` first, then read [the setup guide](https://example.org/guide) or <https://example.org/faq>.',
  '',
  'Mail [editor@example.org](mailto:editor@example.org) or see [www.example.org](https://www.example.org).',
  '',
  '```sh',
  'git pul --rebse',
  '```',
  '',
  '<aside class="note">Raw HTML stays as source.</aside>',
  '',
].join('\n');
const doc: PostDocument = {
  kind: 'post',
  path: 'content/posts/setup.md',
  collection: collectionId('content/posts'),
  format: 'yaml',
  frontMatter: { title: 'Setup' },
  body,
  version: 'v1',
};

let mounted: Mounted | undefined;
afterEach(async () => {
  await mounted?.unmount();
  mounted = undefined;
});

async function render(): Promise<{ bodyBox: HTMLElement; editor: LexicalEditor }> {
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
  return { bodyBox: getByRole(mounted.container, 'textbox', 'Post body'), editor: editorRef.current! };
}

/** The element showing `text` most closely (the innermost element whose text is exactly it). */
function elementOf(root: HTMLElement, text: string): HTMLElement {
  const matches = [...root.querySelectorAll<HTMLElement>('*')].filter((element) => element.textContent === text);
  const found = matches.at(-1);
  if (!found) throw new Error(`Nothing shows “${text}”`);
  return found;
}

/** Whether the spellchecker looks at `element`: the nearest spellcheck attribute decides. */
function checked(element: HTMLElement): boolean {
  return element.closest('[spellcheck]')?.getAttribute('spellcheck') !== 'false';
}

describe('spell checking in the post body', () => {
  it('checks prose and link words, but not code, addresses or raw source', async () => {
    const { bodyBox } = await render();
    expect(bodyBox.getAttribute('spellcheck')).toBe('true');

    expect(checked(elementOf(bodyBox, 'the setup guide'))).toBe(true);
    expect(checked(elementOf(bodyBox, ' first, then read '))).toBe(true);

    for (const text of [
      'npm ci',
      'https://example.org/faq',
      'editor@example.org',
      'www.example.org',
      'git pul --rebse',
      '<aside class="note">Raw HTML stays as source.</aside>',
    ]) {
      expect(checked(elementOf(bodyBox, text)), text).toBe(false);
    }
  });

  it('checks a word again once it is no longer inline code, and not once it is code again', async () => {
    const { bodyBox, editor } = await render();
    const toggleCode = (text: string) =>
      act(async () =>
        editor.update(
          () => {
            const paragraph = $getRoot().getFirstChild();
            if (!$isElementNode(paragraph)) return;
            const node = paragraph.getAllTextNodes().find((candidate) => candidate.getTextContent() === text);
            if ($isTextNode(node)) node.toggleFormat('code');
          },
          { discrete: true },
        ),
      );
    await toggleCode('npm ci');
    expect(checked(elementOf(bodyBox, 'npm ci'))).toBe(true);
    await toggleCode('npm ci');
    expect(checked(elementOf(bodyBox, 'npm ci'))).toBe(false);
  });
});

describe('looksLikeAddress', () => {
  it('tells addresses from words', () => {
    for (const text of [
      'https://example.org/a?b=c',
      'www.example.org',
      'mailto:ada@example.org',
      'ada@example.org',
      ' ftp://files.example.org ',
    ]) {
      expect(looksLikeAddress(text), text).toBe(true);
    }
    for (const text of ['the setup guide', 'example', 'see https://example.org', 'www', '']) {
      expect(looksLikeAddress(text), text).toBe(false);
    }
  });
});
