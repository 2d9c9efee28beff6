// @vitest-environment happy-dom
/** How alerts and MDX source look in the editor's DOM: labelled, and never live markup. */
import { afterEach, describe, expect, it } from 'vitest';
// `.mdx` bodies parse synchronously, as in the back end (the renderer loads the syntax on demand).
import '../../../../../shared/document/constructs/mdx/syntax';
import { $getRoot, createEditor, type LexicalEditor } from 'lexical';
import { $importMarkdown, $isAlertNode, documentNodes } from '../../../../../shared/document';

// test/unit/shared is type-checked without lib.dom, so the little DOM used here is typed here.
interface El {
  textContent: string | null;
  getAttribute(name: string): string | null;
  setAttribute(name: string, value: string): void;
  querySelector(selector: string): El | null;
  querySelectorAll(selector: string): Iterable<El>;
  append(...nodes: El[]): void;
  replaceChildren(): void;
  classList: { contains(name: string): boolean };
}
const document = (globalThis as unknown as { document: { createElement(tag: string): El; body: El } }).document;

function mount(markdown: string, mdx = false): { editor: LexicalEditor; root: El } {
  const root = document.createElement('div');
  root.setAttribute('contenteditable', 'true');
  document.body.append(root);
  const editor = createEditor({
    namespace: 'test',
    nodes: [...documentNodes],
    theme: { mdRawBlock: 'raw-block', mdRawText: 'raw-text', mdAlert: 'alert' },
    onError: (error) => {
      throw error;
    },
  });
  editor.setRootElement(root as unknown as Parameters<LexicalEditor['setRootElement']>[0]);
  editor.update(() => $importMarkdown(markdown, { mdx }), { discrete: true });
  return { editor, root };
}

afterEach(() => {
  document.body.replaceChildren();
});

describe('alerts in the editor', () => {
  it('renders a blockquote with the kind, its label for CSS and assistive tech, and the text as paragraphs', () => {
    const { root } = mount('> [!WARNING]\n> Mind the *tide*.\n');
    const alert = root.querySelector('blockquote');
    expect(alert?.classList.contains('alert')).toBe(true);
    expect(alert?.getAttribute('data-md-alert')).toBe('warning');
    expect(alert?.getAttribute('data-label')).toBe('Warning');
    expect(alert?.getAttribute('role')).toBe('note');
    expect(alert?.getAttribute('aria-label')).toBe('Warning');
    // The marker is not text the writer edits: it is drawn from data-label.
    expect(alert?.textContent).toBe('Mind the tide.');
    expect(alert?.querySelector('em')?.textContent).toBe('tide');
  });

  it('updates the label when the kind changes', () => {
    const { editor, root } = mount('> [!NOTE]\n> Text.\n');
    editor.update(() => $getRoot().getChildren().filter($isAlertNode)[0]?.setAlertKind('caution'), { discrete: true });
    const alert = root.querySelector('blockquote');
    expect([alert?.getAttribute('data-md-alert'), alert?.getAttribute('data-label')]).toEqual(['caution', 'Caution']);
  });
});

describe('MDX source in the editor', () => {
  it('shows JSX and imports as source text in labelled raw blocks, never as live elements', () => {
    const { root } = mount(
      "import Chart from './Chart.astro';\n\n<Chart data={x} />\n\nPress <Kbd>Ctrl</Kbd> now.\n",
      true,
    );
    const blocks = [...root.querySelectorAll('pre')].map((pre) => [pre.getAttribute('data-md-raw'), pre.textContent]);
    expect(blocks).toEqual([
      ['mdx-import', "import Chart from './Chart.astro';"],
      ['mdx-component', '<Chart data={x} />'],
    ]);
    expect(root.querySelector('chart')).toBeNull();
    expect(root.querySelector('kbd')).toBeNull();
    const inline = root.querySelector('[data-md-raw="mdx-component"].raw-text');
    expect(inline?.textContent).toBe('<Kbd>Ctrl</Kbd>');
  });
});
