import { describe, expect, it } from 'vitest';
import { roundtripMarkdown, loadDocument } from '../../../../shared/document';
import { $getRoot } from 'lexical';
import { WARM_UP_SAMPLE, warmUpEditor } from '../../../../renderer/editor/warm-up';

describe('warming the editor up', () => {
  it('runs a sample of the common constructs that the import reads as such and writes back byte for byte', () => {
    expect(() => warmUpEditor()).not.toThrow();
    expect(roundtripMarkdown(WARM_UP_SAMPLE)).toBe(WARM_UP_SAMPLE);
    const types = loadDocument(WARM_UP_SAMPLE)
      .getEditorState()
      .read(
        () =>
          new Set(
            $getRoot()
              .getChildren()
              .map((block) => block.getType()),
          ),
      );
    for (const type of ['heading', 'paragraph', 'list', 'quote', 'code', 'table', 'md-raw-block', 'md-thematic-break'])
      expect(types, type).toContain(type);
  });
});
