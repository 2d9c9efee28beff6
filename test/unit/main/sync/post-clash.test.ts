import { describe, expect, it } from 'vitest';
import type { CommitInfo } from '../../../../main/git/index';
import { pendingMergeOf, resolveClash, settleClash } from '../../../../main/sync/post-clash';
import type { FileClash } from '../../../../main/sync/replay';
import { describeCatchUp } from '../../../../main/sync/deliver';

const commit: CommitInfo = {
  commit: 'c'.repeat(40),
  parents: ['p'.repeat(40)],
  authorName: 'W',
  authorEmail: 'w@example.test',
  authorDate: '0 +0000',
  message: 'Publish: Tides\n',
};
const BASE = '---\ntitle: Tides\ndate: 2026-01-02\n---\nHigh water twice a day.\n\nLow water between.\n';

function clash(mine: string, theirs: string, path = 'content/posts/tides.md'): FileClash {
  return { path, commit, base: BASE, mine, theirs };
}

describe('settleClash', () => {
  it('merges a post both sides changed in different places', () => {
    const outcome = settleClash(
      clash(
        BASE.replace('title: Tides', 'title: Tide Tables'),
        BASE.replace('Low water between.', 'Low water in between.'),
      ),
      new Map(),
    );
    expect(outcome).toEqual({
      text: '---\ntitle: Tide Tables\ndate: 2026-01-02\n---\nHigh water twice a day.\n\nLow water in between.\n',
    });
  });

  it('needs the writer when both changed the same paragraph, or the file is not a post', () => {
    expect(
      settleClash(
        clash(BASE.replace('twice a day', 'twice daily'), BASE.replace('twice a day', 'two times a day')),
        new Map(),
      ),
    ).toBe('conflict');
    expect(settleClash(clash('a = 1\n', 'a = 2\n', 'Makefile'), new Map())).toBe('conflict');
  });

  it('takes the writer’s resolution for the file when there is one', () => {
    expect(settleClash(clash('x', 'y'), new Map([['content/posts/tides.md', 'resolved\n']]))).toEqual({
      text: 'resolved\n',
    });
  });

  it('merges data files field by field', () => {
    const data: FileClash = {
      path: 'data/authors/ines.yml',
      commit,
      base: 'name: Ines\nrole: editor\n',
      mine: 'name: Ines O.\nrole: editor\n',
      theirs: 'name: Ines\nrole: chief editor\n',
    };
    expect(settleClash(data, new Map())).toEqual({ text: 'name: Ines O.\nrole: chief editor\n' });
  });
});

describe('pendingMergeOf and resolveClash', () => {
  const both = clash(
    BASE.replace('title: Tides', 'title: Mine').replace('twice a day', 'twice daily'),
    BASE.replace('title: Tides', 'title: Theirs')
      .replace('twice a day', 'two times a day')
      .replace('date: 2026-01-02', 'date: 2026-01-03'),
  );

  it('lists each clash with a label and the three sides, and what merged from the other side', () => {
    const pending = pendingMergeOf(both);
    expect(pending.path).toBe('content/posts/tides.md');
    expect(pending.conflicts).toEqual([
      {
        id: 'field:0',
        kind: 'field',
        label: expect.stringMatching(/title/i) as string,
        base: 'Tides',
        mine: 'Mine',
        theirs: 'Theirs',
      },
      {
        id: 'block:0',
        kind: 'block',
        label: expect.stringMatching(/Paragraph 1/) as string,
        base: 'High water twice a day.\n\n',
        mine: 'High water twice daily.\n\n',
        theirs: 'High water two times a day.\n\n',
      },
    ]);
    expect(pending.merged).toEqual(['Field “date” changed by others']);
  });

  it('writes the writer’s choices: a side, typed text for a block, a YAML value for a field', () => {
    expect(resolveClash(both, { 'field:0': 'theirs', 'block:0': 'mine' })).toBe(
      '---\ntitle: Theirs\ndate: 2026-01-03\n---\nHigh water twice daily.\n\nLow water between.\n',
    );
    expect(
      resolveClash(both, { 'field:0': { text: 'Both Tides' }, 'block:0': { text: 'High water, twice.\n\n' } }),
    ).toBe('---\ntitle: Both Tides\ndate: 2026-01-03\n---\nHigh water, twice.\n\nLow water between.\n');
    expect(() => resolveClash(both, { 'field:0': 'mine' })).toThrow(/Choose which version/);
  });

  it('offers the whole file as one choice when it cannot be merged by parts', () => {
    const deleted: FileClash = { ...clash('mine\n', 'theirs\n'), theirs: null };
    expect(pendingMergeOf(deleted).conflicts).toEqual([
      { id: 'file', kind: 'block', label: 'The whole file', base: BASE, mine: 'mine\n', theirs: '' },
    ]);
    expect(resolveClash(deleted, { file: 'mine' })).toBe('mine\n');
  });
});

describe('describeCatchUp', () => {
  it('says how many changes were pulled and which posts were merged', () => {
    expect(describeCatchUp(0, [])).toBeUndefined();
    expect(describeCatchUp(1, [])).toBe('1 change from others was pulled first.');
    expect(describeCatchUp(2, ['content/posts/tides.md'])).toBe(
      '2 changes from others were pulled first; your edits were merged with theirs in “tides.md”.',
    );
  });
});
