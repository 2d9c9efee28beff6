import { describe, expect, it } from 'vitest';
import { $createAutoLinkNode, $createLinkNode } from '@lexical/link';
import { $createTextNode } from 'lexical';
import {
  blockExportVisitors,
  blockImportVisitors,
  constructNodes,
  constructs,
  inlineExportVisitors,
  inlineImportVisitors,
} from '../../../../../shared/document/convert/registry';
import { $createRawTextNode } from '../../../../../shared/document/constructs/raw/raw-text-node';
import { createDocumentEditor } from '../../../../../shared/document/editor';

describe('the construct registry', () => {
  it('gives each mdast type to one construct, so the order of import visitors never decides anything', () => {
    for (const visitors of [blockImportVisitors, inlineImportVisitors]) {
      const types = visitors.flatMap((visitor) => visitor.types);
      expect(new Set(types).size).toBe(types.length);
    }
  });

  it('lists every visitor and node of every construct exactly once', () => {
    const count = (key: 'blockImports' | 'inlineImports' | 'blockExports' | 'inlineExports') =>
      constructs.reduce((sum, construct) => sum + (construct[key]?.length ?? 0), 0);
    expect(blockImportVisitors).toHaveLength(count('blockImports'));
    expect(inlineImportVisitors).toHaveLength(count('inlineImports'));
    expect(blockExportVisitors).toHaveLength(count('blockExports'));
    expect(inlineExportVisitors).toHaveLength(count('inlineExports'));
    expect(new Set(constructNodes).size).toBe(constructNodes.length);
    expect(new Set(constructs.map((construct) => construct.name)).size).toBe(constructs.length);
  });

  it('writes a node that extends another with its own construct: raw text before text, auto links before links', () => {
    const editor = createDocumentEditor();
    const owners: string[] = [];
    editor.update(
      () => {
        for (const node of [
          $createRawTextNode('<br>', 'html'),
          $createTextNode('plain'),
          $createAutoLinkNode('https://example.com'),
          $createLinkNode('https://example.com'),
        ]) {
          const visitor = inlineExportVisitors.find((candidate) => candidate.$test(node));
          owners.push(
            constructs.find((construct) => visitor && construct.inlineExports?.includes(visitor))?.name ?? 'none',
          );
        }
      },
      { discrete: true },
    );
    expect(owners).toEqual(['raw', 'text and inline formats', 'link', 'link']);
    const link = constructs.find((construct) => construct.name === 'link')!;
    editor.update(
      () => {
        const auto = $createAutoLinkNode('https://example.com');
        expect(inlineExportVisitors.find((candidate) => candidate.$test(auto))).toBe(link.inlineExports![0]);
        expect(link.inlineExports![0]!.$test($createLinkNode('https://example.com'))).toBe(false);
      },
      { discrete: true },
    );
  });
});
