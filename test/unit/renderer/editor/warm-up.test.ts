import { describe, expect, it } from 'vitest';
import { $getRoot } from 'lexical';
import { loadDocument, roundtripMarkdown } from '../../../../shared/document';
import { LONG_SAMPLE, WARM_UP_SAMPLES, warmUpSteps } from '../../../../renderer/editor/warm-up';
import { StagedImport } from '../../../../shared/document/convert/staged-import';

describe('warming the editor up', () => {
  it('runs samples of the common constructs that the import reads as such and writes back byte for byte', () => {
    const steps = warmUpSteps();
    let count = 1;
    while (steps.step()) count += 1;
    // Three rounds of the samples, then the long sample opened in parts: its first part, then
    // at least one more step for its rest.
    expect(count).toBeGreaterThanOrEqual(WARM_UP_SAMPLES.length * 3 + 2);
    expect(steps.step()).toBe(false);
    const types = new Set<string>();
    for (const sample of WARM_UP_SAMPLES) {
      expect(roundtripMarkdown(sample)).toBe(sample);
      loadDocument(sample)
        .getEditorState()
        .read(() =>
          $getRoot()
            .getChildren()
            .forEach((block) => types.add(block.getType())),
        );
    }
    expect(StagedImport.plan(LONG_SAMPLE)).not.toBeNull();
    expect(roundtripMarkdown(LONG_SAMPLE)).toBe(LONG_SAMPLE);
    for (const type of ['heading', 'paragraph', 'list', 'quote', 'code', 'table', 'md-raw-block', 'md-thematic-break'])
      expect(types, type).toContain(type);
  });
});
