import { describe, expect, it } from 'vitest';
import { blockTypeLabel } from '../../../../../renderer/editor/plugins/BlockTypeMenu';

describe('the block-type button', () => {
  it('names the block the caret is in', () => {
    expect(blockTypeLabel('paragraph')).toBe('Paragraph');
    expect(blockTypeLabel('h1')).toBe('Heading 1');
    expect(blockTypeLabel('h4')).toBe('Heading 4');
    expect(blockTypeLabel('check')).toBe('Task list');
    expect(blockTypeLabel('code')).toBe('Code block');
    expect(blockTypeLabel('other')).toBe('Other block');
  });
});
