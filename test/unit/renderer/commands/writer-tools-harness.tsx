/**
 * The workspace's writer tools around a real PostEditor, with the back end faked: settings are
 * read and kept in `fake`, menu commands can be sent, and every request the controller makes is
 * recorded. Test files using it mock renderer/api themselves (vi.mock is per file).
 */
import { act } from 'react';
import { afterEach, beforeEach, vi } from 'vitest';
import type { RepoSettings, RepoSummary } from '../../../../shared/api';
import { invoke, on } from '../../../../renderer/api';
import { WriterTools } from '../../../../renderer/commands/WriterTools';
import { accessibleName, allByRole, getByRole, settleLazyParts } from '../dom';
import { mountEditor, type EditorHarness } from '../editor/editor-harness';
import { collectionId, repoFolder } from '../../../../shared/content/collection-ids';

/** A repository with two collections. */
export const repo: RepoSummary = {
  path: '/tmp/blog',
  name: 'blog',
  branch: 'main',
  collections: [
    { id: collectionId('posts'), folder: repoFolder('content/posts'), label: 'Posts', postCount: 2 },
    { id: collectionId('pages'), folder: repoFolder('content/pages'), label: 'Pages', postCount: 1 },
  ],
};

/** A post with headings to find and format. */
export const BODY = 'The tide turns at noon.\n\n## Boats\n\nBring a coat.\n\n### Knots\n\nA bowline.\n';

/** What the fake back end holds and saw, fresh for each test. */
export const fake = {
  settings: {
    autosave: false,
    publishWithoutAsking: false,
    focusMode: false,
    typewriterScrolling: false,
  } as RepoSettings,
  saved: [] as Partial<RepoSettings>[],
  requests: [] as [string, unknown][],
  menuListener: undefined as ((payload: { command: string }) => void) | undefined,
  sync: vi.fn(),
};

let harness: EditorHarness | undefined;

/** Registers the fake back end before, and the unmount after, each test of the calling file. */
export function useWriterToolsHarness(): void {
  beforeEach(() => {
    fake.settings = { autosave: false, publishWithoutAsking: false, focusMode: false, typewriterScrolling: false };
    fake.saved = [];
    fake.requests = [];
    fake.menuListener = undefined;
    fake.sync.mockClear();
    localStorage.clear();
    vi.mocked(invoke).mockReset();
    vi.mocked(invoke).mockImplementation(answer as typeof invoke);
    vi.mocked(on).mockReset();
    vi.mocked(on).mockImplementation(((name: string, listener: (payload: { command: string }) => void) => {
      if (name === 'menu:command') fake.menuListener = listener;
      return () => undefined;
    }) as typeof on);
  });
  afterEach(async () => {
    await harness?.mounted.unmount();
    harness = undefined;
  });
}

/** The fake back end's answers to the requests the writer tools make; other requests stay unanswered. */
async function answer(name: string, arg: unknown): Promise<unknown> {
  if (name === 'settings:get') return fake.settings;
  if (name === 'settings:set') {
    fake.saved.push(arg as Partial<RepoSettings>);
    return fake.settings;
  }
  if (name === 'post:committed') return null;
  if (name === 'seo:context')
    return { siteUrl: null, displayUrl: null, mapping: {}, catalog: { version: 'c1', posts: [], existingPaths: [] } };
  throw new Error(`unexpected ${name}`);
}

const ANSWERED = new Set(['settings:get', 'settings:set', 'post:committed', 'seo:context']);

/** Mounts the writer tools around the editor on `body`. */
export async function open(body = BODY): Promise<EditorHarness> {
  harness = await mountEditor(body, {
    repo,
    invoke: async (name, arg) => {
      fake.requests.push([name, arg]);
      return ANSWERED.has(name) ? answer(name, arg) : new Promise(() => undefined);
    },
    wrap: (page) => <WriterTools sync={fake.sync}>{page}</WriterTools>,
  });
  await settleLazyParts();
  return harness;
}

/** Presses keys where the writer is: the workspace listens on the window. */
export async function press(key: string, init: KeyboardEventInit = {}): Promise<KeyboardEvent> {
  const event = new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, ...init });
  await act(async () => (document.activeElement ?? document.body).dispatchEvent(event));
  // A key may open a part loaded on demand (the palette, the publish question).
  await settleLazyParts();
  return event;
}

/** The command palette's dialog. */
export const palette = () => document.querySelector<HTMLDialogElement>('dialog.palette')!;
/** Its search field. */
export const paletteField = () => getByRole(palette(), 'combobox');
/** Its rows. */
export const options = () => allByRole(palette(), 'option');
/** Its rows' labels, without their quiet details. */
export const labels = () =>
  options().map((option) => {
    const label = option.querySelector('.palette__label')!.cloneNode(true) as HTMLElement;
    label.querySelector('.palette__detail')?.remove();
    return label.textContent;
  });

/** The open dialog named `name` (by aria-labelledby or aria-label), as a person finds it. */
export const dialogNamed = (name: string) => {
  const found = allByRole(document.body, 'dialog', name).concat(
    [...document.querySelectorAll<HTMLElement>('dialog[open]')].filter((dialog) => accessibleName(dialog) === name),
  );
  if (found.length !== 1) throw new Error(`Expected one open dialog named ${name}, found ${found.length}`);
  return found[0]!;
};
