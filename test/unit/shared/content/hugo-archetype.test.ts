import { describe, expect, it } from 'vitest';
import { archetypeCandidates, renderArchetype } from '../../../../shared/content/hugo-archetype';

const input = { title: 'Night ferries', slug: 'night-ferries', section: 'posts', date: new Date(2026, 4, 1, 9, 30, 5) };
const offset = (() => {
  const minutes = -input.date.getTimezoneOffset();
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${minutes >= 0 ? '+' : '-'}${pad(Math.floor(Math.abs(minutes) / 60))}:${pad(Math.abs(minutes) % 60)}`;
})();

describe('renderArchetype', () => {
  it('renders Hugo’s default archetype as `hugo new` would, with the writer’s title', () => {
    const archetype = `+++\ntitle = '{{ replace .File.ContentBaseName "-" " " | title }}'\ndate = {{ .Date }}\ndraft = true\n+++\n`;
    expect(renderArchetype(archetype, input)).toBe(
      `+++\ntitle = 'Night ferries'\ndate = 2026-05-01T09:30:05${offset}\ndraft = true\n+++\n`,
    );
  });

  it('renders names, sections, formatted dates and drops what it cannot run', () => {
    const archetype = [
      '---',
      'title: "{{ .Name | humanize | title }}"',
      'slug: {{ .Name }}',
      'type: {{ .Type }}',
      'day: {{ now.Format "2006-01-02" }}',
      'shown: "{{ .Date | time.Format "Jan 2006" }}"',
      'author: "{{ .Site.Params.author }}"',
      '{{/* a comment */}}',
      '---',
      '{{< notice tip >}}Keep shortcodes in the body.{{< /notice >}}',
    ].join('\n');
    const out = renderArchetype(archetype, input).split('\n');
    expect(out.slice(1, 8)).toEqual([
      'title: "Night ferries"',
      'slug: night-ferries',
      'type: posts',
      'day: 2026-05-01',
      'shown: "May 2026"',
      'author: ""',
      '',
    ]);
    expect(out.at(-1)).toBe('{{< notice tip >}}Keep shortcodes in the body.{{< /notice >}}');
  });

  it('looks for the section’s archetype first, then the default', () => {
    expect(archetypeCandidates('content/docs')).toEqual(['archetypes/docs.md', 'archetypes/default.md']);
    expect(archetypeCandidates('')).toEqual(['archetypes/default.md']);
  });
});
