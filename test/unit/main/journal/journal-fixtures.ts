/**
 * Shared material for the journal tests: a post of the writer's own words, journal entries made
 * from it, and a body of any size built from varied sentences (not one repeated byte).
 */
import type { JournalEntry } from '../../../../shared/api';

/** A Hugo-style post with YAML front matter. */
export const KETTLE_POST = [
  '---',
  'title: Notes from the Allotment',
  'date: 2025-03-02',
  'tags:',
  '  - garden',
  '---',
  'The broad beans went in on Saturday, two weeks later than last year.',
  '',
  'Frost came back on Tuesday night; the fleece held.',
  '',
  'Next: the onion sets, and a word with the slugs.',
  '',
].join('\n');

const SENTENCES = [
  'The broad beans went in on Saturday.',
  'Frost came back on Tuesday night, and the fleece held.',
  'Rhubarb under the forcing pot is pink and tender already.',
  'The robin follows the fork from bed to bed.',
  'Seed potatoes sit chitting on the shed windowsill.',
  'A neighbour swapped two courgette plants for a jar of chutney.',
];

/** A Markdown body of `words` words, in paragraphs of about sixty words; `tag` makes bodies tell apart. */
export function bodyOfWords(words: number, tag = ''): string {
  const out: string[] = [];
  let paragraph: string[] = [];
  let count = 0;
  for (let i = 0; count < words; i++) {
    const sentence = SENTENCES[i % SENTENCES.length] as string;
    paragraph.push(sentence);
    count += sentence.split(' ').length;
    if (paragraph.length === 10) {
      out.push(paragraph.join(' '));
      paragraph = [];
    }
  }
  if (paragraph.length > 0) out.push(paragraph.join(' '));
  return `${tag}${out.join('\n\n')}\n`;
}

/** A journal entry for `path` based on `baseVersion`, edited at `editedAt`. */
export function entry(
  path: string,
  baseVersion: string,
  body: string,
  editedAt: string,
  title = 'Notes from the Allotment',
): JournalEntry {
  return { path, baseVersion, frontMatter: { title, date: '2025-03-02', tags: ['garden'] }, body, editedAt };
}

/** The body of the looping writer's write `tag` (the atomicity test rebuilds it to compare). */
export function writeBody(tag: string): string {
  return bodyOfWords(20_000, `write ${tag}\n\n`);
}
