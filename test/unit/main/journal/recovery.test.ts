import { describe, expect, it } from 'vitest';
import type { JournalRecord } from '../../../../main/journal/journal-record';
import { mergeFileTexts } from '../../../../main/journal/merge';
import { holdsUnsavedEdits, recoverEdits } from '../../../../main/journal/recovery';
import { KETTLE_POST } from './journal-fixtures';

const BASE = KETTLE_POST;
const MY_BODY = [
  'The broad beans went in on Saturday, two weeks later than last year, in a double row.',
  '',
  'Frost came back on Tuesday night; the fleece held.',
  '',
  'Next: the onion sets, and a word with the slugs.',
  '',
].join('\n');

const record = (over: Partial<JournalRecord> = {}): JournalRecord => ({
  repo: '/sites/allotment-blog',
  path: 'content/posts/allotment.md',
  baseVersion: 'v1',
  baseText: BASE,
  frontMatter: { title: 'Notes from the Allotment', date: '2025-03-02', tags: ['garden'] },
  body: MY_BODY,
  editedAt: '2025-03-02T09:30:00.000Z',
  dataFormat: null,
  ...over,
});

describe('recovering journalled edits', () => {
  it('offers the edits as they are while the file is unchanged (exact)', () => {
    expect(recoverEdits(record(), { text: BASE, version: 'v1' }, mergeFileTexts)).toEqual({
      frontMatter: { title: 'Notes from the Allotment', date: '2025-03-02', tags: ['garden'] },
      body: MY_BODY,
      editedAt: '2025-03-02T09:30:00.000Z',
      state: 'exact',
    });
  });

  it('offers nothing when the file already holds the edits', () => {
    const saved = BASE.replace('than last year.', 'than last year, in a double row.');
    expect(holdsUnsavedEdits(record(), saved)).toBe(false);
    expect(recoverEdits(record(), { text: saved, version: 'v2' }, mergeFileTexts)).toBeNull();
    expect(
      recoverEdits(
        record({
          body: 'The broad beans went in on Saturday, two weeks later than last year.\n\nFrost came back on Tuesday night; the fleece held.\n\nNext: the onion sets, and a word with the slugs.\n',
        }),
        { text: BASE, version: 'v1' },
        mergeFileTexts,
      ),
    ).toBeNull();
  });

  it('offers nothing when the file changed since but already has every journalled change', () => {
    const theirs = BASE.replace('than last year.', 'than last year, in a double row.').replace(
      'a word with the slugs.',
      'a stern word with the slugs.',
    );
    expect(recoverEdits(record(), { text: theirs, version: 'v2' }, mergeFileTexts)).toBeNull();
  });

  it('merges the edits into a file changed elsewhere in another paragraph and field (merged)', () => {
    const theirs = BASE.replace('tags:\n  - garden', 'tags:\n  - garden\n  - spring').replace(
      'a word with the slugs.',
      'a stern word with the slugs.',
    );
    const recovered = recoverEdits(record(), { text: theirs, version: 'v2' }, mergeFileTexts);
    expect(recovered).toMatchObject({ state: 'merged', editedAt: '2025-03-02T09:30:00.000Z' });
    expect(recovered?.frontMatter).toEqual({
      title: 'Notes from the Allotment',
      date: '2025-03-02',
      tags: ['garden', 'spring'],
    });
    expect(recovered?.body).toBe(MY_BODY.replace('a word with the slugs.', 'a stern word with the slugs.'));
    expect(recovered?.conflicts).toBeUndefined();
  });

  it('offers the edits as they were, with the clash in words, when both sides changed one paragraph (conflict)', () => {
    const theirs = BASE.replace('two weeks later than last year.', 'a fortnight late.');
    const recovered = recoverEdits(record(), { text: theirs, version: 'v2' }, mergeFileTexts);
    expect(recovered).toMatchObject({ state: 'conflict', body: MY_BODY, frontMatter: record().frontMatter });
    // Kept with the version the edits began from, so keeping and saving them reports the change on disk.
    expect(recovered?.baseVersion).toBe(record().baseVersion);
    expect(recovered?.conflicts).toHaveLength(1);
    expect(recovered?.conflicts?.[0]).toMatch(/^Paragraph 1 \(“The broad beans/);
  });

  it('names a field both sides changed', () => {
    const theirs = BASE.replace('title: Notes from the Allotment', 'title: Allotment Diary');
    const recovered = recoverEdits(
      record({ frontMatter: { title: 'Allotment Notes, March', date: '2025-03-02', tags: ['garden'] } }),
      { text: theirs, version: 'v2' },
      mergeFileTexts,
    );
    expect(recovered).toMatchObject({ state: 'conflict', frontMatter: { title: 'Allotment Notes, March' } });
    expect(recovered?.conflicts?.join(' ')).toContain('title');
  });

  it('cannot merge without the base text, and says so', () => {
    const theirs = BASE.replace('a word with the slugs.', 'a stern word with the slugs.');
    const recovered = recoverEdits(record({ baseText: null }), { text: theirs, version: 'v2' }, mergeFileTexts);
    expect(recovered).toMatchObject({ state: 'conflict', body: MY_BODY });
    expect(recovered?.conflicts).toEqual([expect.stringContaining('already changed on disk')]);
  });

  it('turns a merge that fails into a conflict, keeping the edits', () => {
    const broken = () => {
      throw new Error('cannot read the front matter');
    };
    const recovered = recoverEdits(record(), { text: BASE.replace('Saturday', 'Sunday'), version: 'v2' }, broken);
    expect(recovered).toMatchObject({
      state: 'conflict',
      body: MY_BODY,
      conflicts: [expect.stringContaining('cannot read the front matter')],
    });
  });

  it('merges a data entry field by field', () => {
    const base = 'title: Plot 14\nbeds: 6\nwater: Tuesday\n';
    const theirs = 'title: Plot 14\nbeds: 7\nwater: Tuesday\n';
    const mine = record({
      dataFormat: 'yaml',
      baseText: base,
      path: 'data/plot.yml',
      frontMatter: { title: 'Plot 14', beds: 6, water: 'Thursday' },
      body: '',
    });
    expect(recoverEdits(mine, { text: theirs, version: 'v2' }, mergeFileTexts)).toMatchObject({
      state: 'merged',
      frontMatter: { title: 'Plot 14', beds: 7, water: 'Thursday' },
      body: '',
    });
  });
});
