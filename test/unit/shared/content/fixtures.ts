import type { FrontMatterData, JsonValue } from '../../../../shared/api';

/**
 * Sample posts for the content tests, written in the shape Decap CMS gives a Gatsby blog: YAML
 * front matter with quoted strings, a list of `{value, label}` objects, a nested `seo` object and a
 * long plain description folded across lines.
 */

/** A Decap-style post with every construct the patcher must keep: comments, folding, quoting. */
export const DECAP_POST = `---
title: "Harbour Lights: Notes from the Night Shift"
author: Mara Quill
date: 2025-11-04T08:30:00.000Z
category:
  - value: category-Xy12ab
    label: Field Notes
seo:
  title: "Harbour Lights: Notes from the Night Shift"
  description: Three weeks aboard a pilot boat taught our reporter more about tides,
    radio etiquette, and patience than any textbook, and left her with a notebook
    full of questions for the harbour master.
  url: https://example.org/blog/harbour-lights
  twitterUsername: "@examplepress"
# checked by the copy desk
layout: 'wide' # unknown to the schema, kept as is
draft: false
---
The pilot boat left the quay at dusk, and the radio never stopped.

## What the tide tables leave out

Every crossing starts with a check of the wind.
`;

/** The same post with CRLF line endings, a byte order mark and no final newline. */
export const CRLF_POST = `\uFEFF${DECAP_POST.replace(/\n$/, '').replace(/\n/g, '\r\n')}`;

/** A Hugo post with TOML front matter. */
export const TOML_POST = `+++
title = "Tide Tables for Beginners"
date = 2025-10-01T09:00:00Z
tags = ["sea", "maps"]
draft = true # still being edited

[params]
subtitle = 'A quiet guide to the harbour'
weight = 1.5
+++
Reading a tide table is easier than it looks.
`;

/** A Hugo post with JSON front matter. */
export const JSON_POST = `{
  "title": "Tide Tables for Beginners",
  "date": "2025-10-01",
  "tags": ["sea", "maps"],
  "params": {
    "subtitle": "A quiet guide",
    "weight": 2
  }
}
Reading a tide table is easier than it looks.
`;

/**
 * A copy of `data` with the value at `path` replaced (or removed when `value` is undefined), the
 * way the front-matter form edits one field.
 */
export function withValue(
  data: FrontMatterData,
  path: ReadonlyArray<string | number>,
  value: JsonValue | undefined,
): FrontMatterData {
  const copy = structuredClone(data);
  let parent: JsonValue = copy;
  for (const step of path.slice(0, -1)) {
    parent = (parent as Record<string | number, JsonValue>)[step] as JsonValue;
  }
  const last = path[path.length - 1] as string | number;
  if (value === undefined) {
    if (Array.isArray(parent)) parent.splice(Number(last), 1);
    else delete (parent as Record<string, JsonValue>)[last];
  } else (parent as Record<string | number, JsonValue>)[last] = value;
  return copy;
}
