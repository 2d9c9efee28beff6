// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { $getRoot, $getSelection, $isTextNode, createEditor, type ElementNode, type LexicalEditor } from 'lexical';
import {
  $exportMarkdown,
  $importMarkdown,
  $isImageNode,
  $isRawBlockNode,
  documentNodes,
  getDecoratorRenderer,
  setDecoratorRenderer,
} from '../../../../shared/document';

// test/unit/shared is type-checked without lib.dom (shared code must not assume a DOM), so the
// little DOM this test touches is typed here.
interface El {
  textContent: string | null;
  classList: { contains(name: string): boolean };
  getAttribute(name: string): string | null;
  setAttribute(name: string, value: string): void;
  querySelector(selector: string): El | null;
  querySelectorAll(selector: string): Iterable<El>;
  append(...nodes: El[]): void;
  replaceChildren(): void;
}
const document = (globalThis as unknown as { document: { createElement(tag: string): El; body: El } }).document;

function mount(markdown: string): { editor: LexicalEditor; root: El } {
  const root = document.createElement('div');
  root.setAttribute('contenteditable', 'true');
  document.body.append(root);
  const editor = createEditor({
    namespace: 'test',
    nodes: [...documentNodes],
    theme: { mdRawBlock: 'raw-block', mdRawText: 'raw-text', image: 'image' },
    onError: (error) => {
      throw error;
    },
  });
  editor.setRootElement(root as unknown as Parameters<LexicalEditor['setRootElement']>[0]);
  editor.update(() => $importMarkdown(markdown), { discrete: true });
  return { editor, root };
}

afterEach(() => {
  document.body.replaceChildren();
});

describe('raw source in the editor', () => {
  it('renders a raw HTML block as plain text in a <pre data-md-raw>, never as live HTML', () => {
    const { root } = mount('<div class="danger"><img src=x onerror="alert(1)"></div>\n');
    const pre = root.querySelector('pre[data-md-raw="html"]');
    expect(pre).not.toBeNull();
    expect(pre?.classList.contains('raw-block')).toBe(true);
    expect(pre?.textContent).toBe('<div class="danger"><img src=x onerror="alert(1)"></div>');
    expect(root.querySelector('div.danger')).toBeNull();
    expect(root.querySelector('img')).toBeNull();
  });

  it('renders inline raw text as a <span data-md-raw> holding the source text', () => {
    const { root } = mount('Press <kbd>Ctrl</kbd> now.\n');
    const spans = [...root.querySelectorAll('span[data-md-raw="html"]')].map((s) => s.textContent);
    expect(spans).toEqual(['<kbd>', '</kbd>']);
    expect(root.querySelector('kbd')).toBeNull();
  });

  it('Enter inside a raw block inserts a newline instead of a paragraph', () => {
    const { editor } = mount('<div>\nab\n</div>\n');
    editor.update(
      () => {
        const raw = $getRoot().getFirstChild();
        if (!$isRawBlockNode(raw)) throw new Error('expected raw block');
        const text = raw.getChildren().filter($isTextNode)[1];
        text?.select(2, 2).insertParagraph();
      },
      { discrete: true },
    );
    editor.getEditorState().read(() => {
      expect($getRoot().getChildrenSize()).toBe(1);
      expect($exportMarkdown()).toBe('<div>\nab\n\n</div>\n');
    });
  });
});

describe('hard-wrapped paragraphs in the editor', () => {
  const wrapped = 'The keeper wrote \\(daily\\) notes\nabout the lamp &amp; the\nweather.\n';

  it('show their soft line breaks as spaces: one flowing paragraph, no line breaks', () => {
    const { root } = mount(wrapped);
    const paragraph = root.querySelector('p');
    expect(paragraph?.textContent).toBe('The keeper wrote (daily) notes about the lamp & the weather.');
    expect(root.querySelector('br')).toBeNull();
  });

  it('typing a word through the selection changes one line of the file', () => {
    const { editor } = mount(wrapped);
    editor.update(
      () => {
        const text = $getRoot().getFirstChildOrThrow<ElementNode>().getFirstChild();
        if (!$isTextNode(text)) throw new Error('expected text');
        const at = text.getTextContent().indexOf('lamp');
        text.select(at, at);
        $getSelection()?.insertText('old ');
      },
      { discrete: true },
    );
    expect(editor.getEditorState().read(() => $exportMarkdown())).toBe(
      'The keeper wrote \\(daily\\) notes\nabout the old lamp &amp; the\nweather.\n',
    );
  });
});

describe('decorators', () => {
  afterEach(() => {
    setDecoratorRenderer('image', null);
  });

  it('draws a plain <img> for an image when no renderer is registered', () => {
    const { root } = mount('![Dusk](/dusk.jpg "At dusk")\n');
    const img = root.querySelector('span[data-md-image] img');
    expect(img?.getAttribute('src')).toBe('/dusk.jpg');
    expect(img?.getAttribute('alt')).toBe('Dusk');
    expect(img?.getAttribute('title')).toBe('At dusk');
  });

  it('delegates decorate() to the registered renderer with the image’s props', () => {
    const seen: unknown[] = [];
    const unregister = setDecoratorRenderer('image', (props) => {
      seen.push({ src: props.src, alt: props.alt, title: props.title, key: typeof props.nodeKey });
      return 'rendered';
    });
    const { editor } = mount('![Dusk](/dusk.jpg)\n');
    const decorators = editor.getDecorators();
    expect(Object.values(decorators)).toEqual(['rendered']);
    expect(seen).toEqual([{ src: '/dusk.jpg', alt: 'Dusk', title: null, key: 'string' }]);
    unregister();
    expect(getDecoratorRenderer('image')).toBeUndefined();
  });

  it('changing an image’s payload is written back to Markdown', () => {
    const { editor } = mount('Look: ![Dusk](/dusk.jpg)\n');
    editor.update(
      () => {
        const image = $getRoot().getFirstChildOrThrow<ElementNode>().getChildren().find($isImageNode);
        image?.setPayload({ alt: 'Dawn', src: '/dawn.jpg', title: 'Early' });
      },
      { discrete: true },
    );
    expect(editor.getEditorState().read(() => $exportMarkdown())).toBe('Look: ![Dawn](/dawn.jpg "Early")\n');
  });
});
