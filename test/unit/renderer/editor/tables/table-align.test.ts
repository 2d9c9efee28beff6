import { describe, expect, it } from 'vitest';
import {
  alignWithColumnAt,
  alignWithColumnSet,
  alignWithoutColumn,
  fullAlign,
  headerCells,
} from '../../../../../renderer/editor/tables/table-align';

describe('column alignments follow their columns', () => {
  it('fills missing entries with "none"', () => {
    expect(fullAlign(['right'], 3)).toEqual(['right', null, null]);
  });

  it('a column added in the middle shifts the later alignments right', () => {
    expect(alignWithColumnAt(['left', 'right', 'center'], 3, 1)).toEqual(['left', null, 'right', 'center']);
    expect(alignWithColumnAt(['left', 'right'], 2, 2)).toEqual(['left', 'right', null]);
  });

  it('a removed column takes its alignment with it', () => {
    expect(alignWithoutColumn(['left', 'right', 'center'], 3, 1)).toEqual(['left', 'center']);
  });

  it('sets one column and leaves the others', () => {
    expect(alignWithColumnSet([null, 'right'], 3, 2, 'center')).toEqual([null, 'right', 'center']);
    expect(alignWithColumnSet(['left'], 2, 0, null)).toEqual([null, null]);
  });
});

describe('a typed header line', () => {
  it('reads the cells between the pipes', () => {
    expect(headerCells('| Name | Role |')).toEqual(['Name', 'Role']);
    expect(headerCells('|Tide|Height (m)|Time|')).toEqual(['Tide', 'Height (m)', 'Time']);
  });

  it('keeps escaped pipes inside a cell', () => {
    expect(headerCells('| a \\| b | c |')).toEqual(['a \\| b', 'c']);
  });

  it('refuses lines that are not a header', () => {
    expect(headerCells('| just one pipe')).toBeNull();
    expect(headerCells('a | b')).toBeNull();
    expect(headerCells('|  |  |')).toBeNull();
    expect(headerCells('| --- | :-: |')).toBeNull();
    expect(headerCells('||')).toBeNull();
  });
});
