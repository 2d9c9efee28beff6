/** Shared helpers for the document-model tests. */
import type { Nodes } from 'mdast';
import { $getRoot, type LexicalEditor } from 'lexical';
import { loadDocument, parseMarkdown } from '../../../../shared/document';
import { $serializeBlock } from '../../../../shared/document/convert/export-context';
import { $getDocumentInfo } from '../../../../shared/document/state';

/** Every top-level block serialized as if it had been edited (the path changed blocks take). */
export function reserializeAll(markdown: string): string {
  const editor = loadDocument(markdown);
  return editor.getEditorState().read(() => {
    const style = $getDocumentInfo($getRoot()).style;
    return $getRoot()
      .getChildren()
      .map((node) => $serializeBlock(node, style))
      .filter((text) => text !== '')
      .join('\n\n');
  });
}

/** The mdast of a document without positions, for comparing meaning rather than bytes. */
export function meaningOf(markdown: string): unknown {
  const strip = (node: Nodes): unknown => {
    const { position: _position, data: _data, ...rest } = node as Nodes & { data?: unknown };
    if ('children' in rest) return { ...rest, children: (rest.children as Nodes[]).map(strip) };
    return rest;
  };
  return strip(parseMarkdown(markdown));
}

/** The lines of `after` that differ from `before`, as [line number, before, after]. */
export function changedLines(before: string, after: string): Array<[number, string | undefined, string | undefined]> {
  const a = before.split('\n');
  const b = after.split('\n');
  const out: Array<[number, string | undefined, string | undefined]> = [];
  for (let i = 0; i < Math.max(a.length, b.length); i += 1) if (a[i] !== b[i]) out.push([i + 1, a[i], b[i]]);
  return out;
}

/** Runs a synchronous update. */
export function edit(editor: LexicalEditor, fn: () => void): void {
  editor.update(fn, { discrete: true });
}
