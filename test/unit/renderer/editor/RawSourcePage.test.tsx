// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act } from 'react';
import type { LexicalEditor } from 'lexical';
import type { RawPost, RawSaveRequest } from '../../../../shared/api';
import { AppFailure } from '../../../../shared/errors';
import { invoke } from '../../../../renderer/api';
import { createPostRequests } from '../../../../renderer/app/post-requests';
import { createStore } from '../../../../renderer/app/store';
import type { WorkspaceController } from '../../../../renderer/app/workspace-controller';
import { WorkspaceProvider } from '../../../../renderer/app/WorkspaceContext';
import { initialWorkspaceState, workspaceReducer } from '../../../../renderer/app/workspace-state';
import { RawSourcePage } from '../../../../renderer/editor/RawSourcePage';
import { allByRole, click, getByRole, mount, typeInto, type Mounted } from '../dom';
import { REPO } from './editor-harness';

vi.mock('../../../../renderer/api', () => ({ invoke: vi.fn(), on: vi.fn(() => () => undefined), mediaUrl: vi.fn() }));

const PATH = 'content/posts/broken.md';
const BROKEN = '---\r\ntitle: Tides\r\ntitle: Again\r\n---\r\nBody.\r\n';

let raw: () => Promise<RawPost>;
let saves: RawSaveRequest[];
let saveAnswer: () => Promise<{ version: string }>;
let opened: string[];
let mounted: Mounted | undefined;

beforeEach(() => {
  saves = [];
  opened = [];
  saveAnswer = async () => ({ version: 'v2' });
  raw = async () => ({
    path: PATH,
    text: BROKEN,
    converted: null,
    problem: { kind: 'front-matter', message: 'Map keys must be unique (line 3)', line: 3 },
    version: 'v1',
  });
  vi.mocked(invoke).mockReset();
  vi.mocked(invoke).mockImplementation((async (name: string, arg: unknown) => {
    if (name === 'post:raw') return raw();
    if (name === 'post:save-raw') {
      saves.push(arg as RawSaveRequest);
      return saveAnswer();
    }
    throw new Error(`unexpected ${name}`);
  }) as typeof invoke);
});
afterEach(async () => {
  await mounted?.unmount();
  mounted = undefined;
});

async function render(): Promise<HTMLElement> {
  const store = createStore(workspaceReducer, initialWorkspaceState(REPO));
  const requestOpen = async (path: string) => void opened.push(path);
  // The page's requests, as the controller makes them, to the file's fake back end.
  const requests = createPostRequests({
    store,
    invoke: invoke as never,
    currentBody: () => null,
    requestOpen,
    loadPosts: async () => undefined,
  });
  const controller = { ...requests, requestOpen } as unknown as WorkspaceController;
  const editorRef: { current: LexicalEditor | null } = { current: null };
  mounted = await mount(
    <WorkspaceProvider value={{ store, controller, editorRef }}>
      <RawSourcePage path={PATH} />
    </WorkspaceProvider>,
  );
  await act(async () => undefined);
  return mounted.container;
}

const source = (container: HTMLElement) => getByRole(container, 'textbox', `Source of ${PATH}`) as HTMLTextAreaElement;

describe('the raw source page', () => {
  it('shows the parser’s message and marks the line it names', async () => {
    const text = BROKEN.replace(/\r\n/g, '\n');
    const problem = { kind: 'front-matter' as const, message: 'Map keys must be unique (line 3)', line: 3 };
    raw = async () => ({ path: PATH, text, converted: null, problem, version: 'v1' });
    const container = await render();
    const alert = getByRole(container, 'alert');
    expect(alert.textContent).toContain('This post cannot open in the editor until its front matter reads.');
    expect(alert.textContent).toContain('Map keys must be unique (line 3)');
    expect(source(container).value).toBe(text);
    expect(container.querySelector('.raw__line-number--problem')?.textContent).toBe('3');
    await click(getByRole(alert, 'button', 'Go to line 3'));
    const area = source(container);
    expect(document.activeElement).toBe(area);
    expect(area.value.slice(area.selectionStart, area.selectionEnd)).toBe('title: Again');
  });

  it('saves the edited text in the file’s own line endings, then opens the post again', async () => {
    const container = await render();
    await typeInto(source(container), '---\ntitle: Tides\n---\nBody.\n');
    await click(getByRole(container, 'button', 'Save and open in the editor'));
    expect(saves).toEqual([{ path: PATH, baseVersion: 'v1', text: '---\r\ntitle: Tides\r\n---\r\nBody.\r\n' }]);
    expect(opened).toEqual([PATH]);
  });

  it('saves unchanged text byte for byte with Ctrl+S', async () => {
    const container = await render();
    const event = new KeyboardEvent('keydown', { key: 's', ctrlKey: true, bubbles: true, cancelable: true });
    await act(async () => source(container).dispatchEvent(event));
    expect(event.defaultPrevented).toBe(true);
    expect(saves).toEqual([{ path: PATH, baseVersion: 'v1', text: BROKEN }]);
  });

  it('keeps the text and says why when the save is refused', async () => {
    saveAnswer = async () => {
      throw new AppFailure({ code: 'changed-on-disk', message: 'The file changed on disk since it was opened.' });
    };
    const container = await render();
    await typeInto(source(container), 'my fix');
    await click(getByRole(container, 'button', 'Save and open in the editor'));
    expect(container.textContent).toContain('Not saved — your text is still here');
    expect(container.textContent).toContain('The file changed on disk since it was opened.');
    expect(source(container).value).toBe('my fix');
    expect(opened).toEqual([]);
  });

  it('offers the Windows-1252 reading of a file that is not UTF-8, and writes it on Convert', async () => {
    raw = async () => ({
      path: PATH,
      text: null,
      converted: 'Caf\u00e9 cr\u00e8me\n',
      problem: { kind: 'not-utf8', message: 'Byte 0xE9 at offset 3 is not UTF-8.', line: null },
      version: 'v1',
    });
    const container = await render();
    expect(getByRole(container, 'alert').textContent).toContain('This file is not UTF-8 text.');
    expect(allByRole(container, 'textbox', `Source of ${PATH}`)).toHaveLength(0);
    expect((getByRole(container, 'textbox', 'Preview of the converted text') as HTMLTextAreaElement).value).toBe(
      'Café crème\n',
    );
    await click(getByRole(container, 'button', 'Convert to UTF-8 and save'));
    expect(saves).toEqual([{ path: PATH, baseVersion: 'v1', text: 'Café crème\n' }]);
    expect(opened).toEqual([PATH]);
  });

  it('says a binary file cannot be edited here', async () => {
    raw = async () => ({
      path: PATH,
      text: null,
      converted: null,
      problem: { kind: 'binary', message: 'The file holds NUL bytes.', line: null },
      version: 'v1',
    });
    const container = await render();
    expect(getByRole(container, 'alert').textContent).toContain('This file is not text.');
    expect(container.textContent).toContain('Masthead cannot edit this file.');
    expect(allByRole(container, 'button')).toHaveLength(0);
  });

  it('opens the editor when the file reads correctly now', async () => {
    raw = async () => ({ path: PATH, text: 'Fine.\n', converted: null, problem: null, version: 'v1' });
    const container = await render();
    expect(getByRole(container, 'status').textContent).toContain('This file reads correctly now.');
    await click(getByRole(container, 'button', 'Open in the editor'));
    expect(opened).toEqual([PATH]);
  });

  it('says when the file cannot be read at all', async () => {
    raw = async () => {
      throw new AppFailure({ code: 'not-found', message: 'The file is gone.' });
    };
    const container = await render();
    expect(container.textContent).toContain('The post could not be opened');
    expect(container.textContent).toContain('The file is gone.');
  });
});
