/**
 * The code block's language: a small select at the top right of the block holding the caret. The
 * choice is the fence's info string on save (```python); "Plain text" writes a bare fence. A
 * language the file already uses but the list lacks (say `js` or `console`) is offered as is.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { $isCodeNode } from '@lexical/code';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $findMatchingParent } from '@lexical/utils';
import { $getNodeByKey, $getSelection, $isRangeSelection, type NodeKey } from 'lexical';
import './code-language.css';
import { useFollowLayout } from '../use-follow-layout';

/** The languages offered, by their usual fence names. */
export const CODE_LANGUAGES: readonly string[] = [
  'bash',
  'c',
  'cpp',
  'csharp',
  'css',
  'diff',
  'go',
  'graphql',
  'html',
  'java',
  'javascript',
  'json',
  'jsx',
  'kotlin',
  'markdown',
  'php',
  'python',
  'ruby',
  'rust',
  'scss',
  'shell',
  'sql',
  'swift',
  'toml',
  'tsx',
  'typescript',
  'xml',
  'yaml',
];

interface CaretInCode {
  key: NodeKey;
  language: string;
}

/** Shows the language select for the code block holding the caret. */
export function CodeLanguagePlugin() {
  const [editor] = useLexicalComposerContext();
  const [code, setCode] = useState<CaretInCode | null>(null);
  const shown = useRef<CaretInCode | null>(null);

  useEffect(
    () =>
      editor.registerUpdateListener(({ editorState }) => {
        const next = editorState.read((): CaretInCode | null | undefined => {
          const selection = $getSelection();
          // No selection (focus is in the select itself): keep what is shown.
          if (!$isRangeSelection(selection)) return selection === null ? undefined : null;
          const node = $findMatchingParent(selection.anchor.getNode(), $isCodeNode);
          return $isCodeNode(node) ? { key: node.getKey(), language: node.getLanguage() ?? '' } : null;
        });
        if (next === undefined) return;
        if (next?.key !== shown.current?.key || next?.language !== shown.current?.language) {
          shown.current = next;
          setCode(next);
        }
      }),
    [editor],
  );

  if (!code) return null;
  return <LanguageSelect key={code.key} nodeKey={code.key} language={code.language} />;
}

function LanguageSelect({ nodeKey, language }: { nodeKey: NodeKey; language: string }) {
  const [editor] = useLexicalComposerContext();
  const ref = useRef<HTMLSelectElement>(null);

  // Placed by hand (not through state) so following a scroll costs no React render.
  const place = useCallback(() => {
    const select = ref.current;
    const rect = editor.getElementByKey(nodeKey)?.getBoundingClientRect();
    const root = editor.getRootElement();
    const view = root?.closest('.page__scroll')?.getBoundingClientRect();
    if (!select) return;
    // Only while the writer is in the post (or in the select), and hidden while the block's top is
    // scrolled out of the page rather than floating over the toolbar.
    const active = document.activeElement;
    const here = active !== null && (root?.contains(active) === true || active === select);
    const visible = here && rect !== undefined && (!view || (rect.top >= view.top && rect.top < view.bottom - 24));
    select.style.visibility = visible ? 'visible' : 'hidden';
    if (!rect || !visible) return;
    select.style.top = `${rect.top + 4}px`;
    select.style.right = `${window.innerWidth - rect.right + 6}px`;
  }, [editor, nodeKey]);

  useFollowLayout(editor, place);

  const options = language === '' || CODE_LANGUAGES.includes(language) ? CODE_LANGUAGES : [language, ...CODE_LANGUAGES];
  return createPortal(
    <select
      ref={ref}
      className="code-language"
      aria-label="Code language"
      value={language}
      onChange={(event) => {
        const value = event.target.value;
        editor.update(() => {
          const node = $getNodeByKey(nodeKey);
          if ($isCodeNode(node)) node.setLanguage(value === '' ? undefined : value);
        });
      }}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          editor.focus();
        }
      }}
    >
      <option value="">Plain text</option>
      {options.map((name) => (
        <option key={name} value={name}>
          {name}
        </option>
      ))}
    </select>,
    document.body,
  );
}
