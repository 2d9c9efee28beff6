import { describe, expect, it } from 'vitest';
import { AppFailure } from '../../../../../shared/errors';
import { mergeDataText, mergePostText, resolveMerge } from '../../../../../shared/content/merge/post-merge';

/** `text` with exactly one occurrence of `from` replaced. */
function edit(text: string, from: string, to: string): string {
  expect(text.split(from)).toHaveLength(2);
  return text.replace(from, to);
}

const YAML_POST = `---
title: "Brent geese return to the estuary"
date: 2025-10-06
draft: true # until the photos are in
tags:
  - birds
  - estuary
seo:
  title: Brent geese return
  description: The first skeins arrive.
---

The first skeins of brent geese came in low over the saltmarsh on Tuesday.

## Counts

By Thursday the flock had grown past four hundred birds.

We will count again at the next spring tide.
`;

const TOML_POST = `+++
title = "Tide tables for beginners"
date = 2025-09-14T07:00:00Z
draft = false
tags = ["tides", "guides"]  # keep short

[params]
  author = "Maren"
  mood = 'calm'
+++

High water comes twice a day, a little later each day.

Spring tides follow the new and full moon.
`;

const JSON_POST = `{
  "title": "Reading a pilot chart",
  "date": "2025-08-02",
  "draft": false,
  "tags": ["charts"]
}

Pilot charts show the winds a month usually brings.

Each rose is a summary, not a promise.
`;

describe('mergePostText on YAML front matter', () => {
  it('merges a field from mine and a paragraph from theirs on top of theirs, keeping their comment', () => {
    const theirs = edit(
      edit(
        YAML_POST,
        'draft: true # until the photos are in',
        'draft: true # until the photos are in\n# photos: Idris',
      ),
      'four hundred birds',
      'four hundred and twelve birds',
    );
    const mine = edit(
      edit(YAML_POST, '"Brent geese return to the estuary"', '"Brent geese are back"'),
      'on Tuesday.',
      'on Tuesday, calling.',
    );
    const result = mergePostText(YAML_POST, mine, theirs);
    expect(result.conflicts).toEqual([]);
    expect(result.text).toBe(`---
title: "Brent geese are back"
date: 2025-10-06
draft: true # until the photos are in
# photos: Idris
tags:
  - birds
  - estuary
seo:
  title: Brent geese return
  description: The first skeins arrive.
---

The first skeins of brent geese came in low over the saltmarsh on Tuesday, calling.

## Counts

By Thursday the flock had grown past four hundred and twelve birds.

We will count again at the next spring tide.
`);
  });

  it('merges different keys changed on both sides and a nested key each', () => {
    const mine = edit(
      edit(YAML_POST, 'draft: true', 'draft: false'),
      'title: Brent geese return',
      'title: Geese return',
    );
    const theirs = edit(
      edit(YAML_POST, '  - estuary\n', '  - estuary\n  - autumn\n'),
      'description: The first skeins arrive.',
      'description: Four hundred birds by Thursday.',
    );
    const result = mergePostText(YAML_POST, mine, theirs);
    expect(result.text).toBe(
      edit(edit(theirs, 'draft: true', 'draft: false'), 'title: Brent geese return', 'title: Geese return'),
    );
  });

  it('lists a field and a paragraph conflict in words and writes the choices made', () => {
    const mine = edit(
      edit(YAML_POST, '"Brent geese return to the estuary"', '"Mine"'),
      'past four hundred birds',
      'past 400 birds',
    );
    const theirs = edit(
      edit(YAML_POST, '"Brent geese return to the estuary"', '"Theirs"'),
      'past four hundred birds',
      'past 412 birds',
    );
    const result = mergePostText(YAML_POST, mine, theirs);
    expect(result.text).toBeNull();
    expect(result.conflicts.map((c) => [c.id, c.kind, c.description])).toEqual([
      ['field:0', 'field', 'Field “title”'],
      ['block:0', 'block', 'Paragraph 2 (“By Thursday the flock had grown…”)'],
    ]);
    expect(resolveMerge(result, { 'field:0': 'mine', 'block:0': 'theirs' })).toBe(edit(theirs, '"Theirs"', '"Mine"'));
    expect(resolveMerge(result, { 'field:0': { value: 'Agreed' }, 'block:0': { text: 'By Thursday: 412.' } })).toBe(
      edit(
        edit(YAML_POST, '"Brent geese return to the estuary"', '"Agreed"'),
        'By Thursday the flock had grown past four hundred birds.',
        'By Thursday: 412.',
      ),
    );
  });

  it('refuses to write while a conflict has no choice, or a choice of the wrong kind', () => {
    const result = mergePostText(
      YAML_POST,
      edit(YAML_POST, 'draft: true', 'draft: false'),
      edit(YAML_POST, 'draft: true #', 'draft: "maybe" #'),
    );
    expect(() => resolveMerge(result, {})).toThrow(AppFailure);
    expect(() => resolveMerge(result, {})).toThrow('Choose which version to keep for Field “draft”.');
    expect(() => resolveMerge(result, { 'field:0': { text: 'x' } })).toThrow(/takes a value/);
  });

  it('resolves a result that crossed the bridge as JSON, a removed field included', () => {
    const mine = edit(YAML_POST, 'draft: true # until the photos are in\n', '');
    const theirs = edit(edit(YAML_POST, 'draft: true', 'draft: false'), 'next spring tide', 'next neap tide');
    const result = mergePostText(YAML_POST, mine, theirs);
    expect(result.conflicts.map((c) => c.description)).toEqual(['Field “draft”']);
    const wire = JSON.parse(JSON.stringify(result)) as typeof result;
    const choices = JSON.parse(JSON.stringify({ 'field:0': { value: undefined } })) as Parameters<
      typeof resolveMerge
    >[1];
    expect(resolveMerge(wire, choices)).toBe(edit(theirs, 'draft: false # until the photos are in\n', ''));
    expect(resolveMerge(wire, { 'field:0': 'mine' })).toBe(
      edit(theirs, 'draft: false # until the photos are in\n', ''),
    );
  });

  it('reads a journal written in CRLF against an LF file, and writes LF', () => {
    const mine = edit(YAML_POST, 'on Tuesday.', 'on Tuesday, calling.').replace(/\n/g, '\r\n');
    const theirs = edit(YAML_POST, 'draft: true', 'draft: false');
    expect(mergePostText(YAML_POST, mine, theirs).text).toBe(edit(theirs, 'on Tuesday.', 'on Tuesday, calling.'));
  });

  it('takes a field deleted on one side', () => {
    const mine = edit(YAML_POST, 'draft: true # until the photos are in\n', '');
    const theirs = edit(YAML_POST, 'next spring tide', 'next spring tide on the 17th');
    expect(mergePostText(YAML_POST, mine, theirs).text).toBe(
      edit(mine, 'next spring tide', 'next spring tide on the 17th'),
    );
  });

  it('keeps their reordered keys as they are', () => {
    const theirs = edit(
      YAML_POST,
      'title: "Brent geese return to the estuary"\ndate: 2025-10-06\n',
      'date: 2025-10-06\ntitle: "Brent geese return to the estuary"\n',
    );
    const mine = edit(YAML_POST, 'draft: true', 'draft: false');
    expect(mergePostText(YAML_POST, mine, theirs).text).toBe(edit(theirs, 'draft: true', 'draft: false'));
  });

  it('writes a CRLF file on disk in CRLF when the journal holds LF', () => {
    const theirs = edit(YAML_POST, 'spring tide', 'spring tide').replace(/\n/g, '\r\n');
    const mine = edit(YAML_POST, 'on Tuesday.', 'on Tuesday, calling.');
    const base = YAML_POST;
    expect(mergePostText(base, mine, theirs).text).toBe(mine.replace(/\n/g, '\r\n'));
  });
});

describe('mergePostText on TOML and JSON front matter', () => {
  it('merges TOML fields changed on both sides, keeping the inline comment and the table', () => {
    const mine = edit(
      edit(TOML_POST, 'draft = false', 'draft = true'),
      'a little later each day.',
      'about fifty minutes later each day.',
    );
    const theirs = edit(
      edit(TOML_POST, "mood = 'calm'", "mood = 'brisk'"),
      'new and full moon.',
      'new and the full moon.',
    );
    expect(mergePostText(TOML_POST, mine, theirs).text).toBe(`+++
title = "Tide tables for beginners"
date = 2025-09-14T07:00:00Z
draft = true
tags = ["tides", "guides"]  # keep short

[params]
  author = "Maren"
  mood = 'brisk'
+++

High water comes twice a day, about fifty minutes later each day.

Spring tides follow the new and the full moon.
`);
  });

  it('reports a TOML field deleted on one side and edited on the other', () => {
    const mine = edit(TOML_POST, 'tags = ["tides", "guides"]  # keep short\n', '');
    const theirs = edit(TOML_POST, '"guides"]', '"guides", "moon"]');
    const result = mergePostText(TOML_POST, mine, theirs);
    expect(result.conflicts.map((c) => c.kind === 'field' && [c.key, c.mine, c.theirs])).toEqual([
      ['tags', undefined, ['tides', 'guides', 'moon']],
    ]);
    expect(resolveMerge(result, { 'field:0': 'mine' })).toBe(mine);
  });

  it('merges JSON front matter keys added on both sides', () => {
    const mine = edit(JSON_POST, '"draft": false,', '"draft": false,\n  "author": "Idris",');
    const theirs = edit(JSON_POST, '"tags": ["charts"]', '"tags": ["charts"],\n  "image": "/img/rose.png"');
    expect(mergePostText(JSON_POST, mine, theirs).text).toBe(`{
  "title": "Reading a pilot chart",
  "date": "2025-08-02",
  "draft": false,
  "author": "Idris",
  "tags": ["charts"],
  "image": "/img/rose.png"
}

Pilot charts show the winds a month usually brings.

Each rose is a summary, not a promise.
`);
  });

  it('merges a JSON title edit with a body edit, keeping their unchanged paragraph’s bytes', () => {
    const mine = edit(JSON_POST, 'Each rose is a summary', 'Each wind rose is a summary');
    const theirs = edit(JSON_POST, '"Reading a pilot chart"', '"Reading pilot charts"');
    expect(mergePostText(JSON_POST, mine, theirs).text).toBe(
      edit(theirs, 'Each rose is a summary', 'Each wind rose is a summary'),
    );
  });
});

describe('mergeDataText', () => {
  const AUTHOR = `# Author card, edited in the CMS
name: Priya Raman
bio: Writes about tides.
links:
  mastodon: "@priya@example.social"
  site: https://example.org/priya
`;

  it('merges a YAML data file key by key, keeping its comment', () => {
    const mine = edit(AUTHOR, 'Writes about tides.', 'Writes about tides and birds.');
    const theirs = edit(AUTHOR, 'site: https://example.org/priya', 'site: https://priya.example.org');
    expect(mergeDataText(AUTHOR, mine, theirs, 'yaml').text).toBe(
      edit(theirs, 'Writes about tides.', 'Writes about tides and birds.'),
    );
  });

  it('reports one JSON key changed on both sides and resolves it', () => {
    const base = '{\n  "name": "Maren Holt",\n  "role": "Editor"\n}\n';
    const result = mergeDataText(
      base,
      edit(base, '"Editor"', '"Chief editor"'),
      edit(base, '"Editor"', '"Sub-editor"'),
      'json',
    );
    expect(result.conflicts.map((c) => c.description)).toEqual(['Field “role”']);
    expect(resolveMerge(result, { 'field:0': 'mine' })).toBe(
      '{\n  "name": "Maren Holt",\n  "role": "Chief editor"\n}\n',
    );
  });

  it('merges a TOML data file', () => {
    const base = 'title = "Field notes"\nbaseURL = "https://example.org/"\n\n[params]\nmaps = true\n';
    const mine = edit(base, '"Field notes"', '"Field notes from the estuary"');
    const theirs = edit(base, 'maps = true', 'maps = false');
    expect(mergeDataText(base, mine, theirs, 'toml').text).toBe(
      'title = "Field notes from the estuary"\nbaseURL = "https://example.org/"\n\n[params]\nmaps = false\n',
    );
  });
});
