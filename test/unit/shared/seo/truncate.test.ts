import { describe, expect, it } from 'vitest';
import {
  clampLines,
  DESKTOP_DESCRIPTION,
  DESKTOP_TITLE,
  desktopTitle,
  ELLIPSIS,
  formatSnippetDate,
  MOBILE_TITLE,
  mobileTitle,
  snippetDescription,
  truncateToChars,
  truncateToWidth,
} from '../../../../shared/seo/truncate';
import type { FontSpec } from '../../../../shared/seo/types';
import { fontMeasure } from '../../../support/font-metrics';

const measure = fontMeasure();
const title20: FontSpec = DESKTOP_TITLE.font;
const SEED_TITLE = 'OpenInfra at FOSDEM 2026: Community, Collaboration, and Continued Momentum';

describe('bundled font metrics', () => {
  it('match Arial’s published advance widths (Liberation Sans is metric-compatible)', () => {
    // Arial AFM widths per 1000 em: H 722, e 556, l 222, o 556, space 278, w 722, r 333, d 556 → 4945.
    expect(measure('Hello world', title20)).toBeCloseTo(98.9, 1);
    // W 944, i 222 at 20px.
    expect(measure('W', title20)).toBeCloseTo(18.88, 1);
    expect(measure('i', title20)).toBeCloseTo(4.44, 1);
    // Bold is wider: the 700 face is a different file.
    expect(measure('Hello world', { ...title20, weight: 700 })).toBeGreaterThan(measure('Hello world', title20));
  });
});

describe('truncateToWidth', () => {
  it('leaves text that fits alone and reports its width', () => {
    const result = truncateToWidth('Hello world', 600, title20, measure);
    expect(result).toEqual({
      text: 'Hello world',
      truncated: false,
      widthPx: measure('Hello world', title20),
      limitPx: 600,
    });
  });

  it('fits exactly at the limit without cutting', () => {
    const width = measure('Hello world', title20);
    expect(truncateToWidth('Hello world', width, title20, measure).truncated).toBe(false);
    expect(truncateToWidth('Hello world', width - 0.01, title20, measure).truncated).toBe(true);
  });

  it('cuts a long title at a word boundary with an ellipsis, within 600px', () => {
    const result = desktopTitle(SEED_TITLE, measure);
    expect(result.widthPx).toBeCloseTo(740.36, 1);
    expect(result.truncated).toBe(true);
    expect(result.text).toBe('OpenInfra at FOSDEM 2026: Community, Collaboration, and …');
    expect(measure(result.text, title20)).toBeLessThanOrEqual(600);
    // The next whole word would not have fitted.
    expect(measure('OpenInfra at FOSDEM 2026: Community, Collaboration, and Continued …', title20)).toBeGreaterThan(
      600,
    );
  });

  it('drops dangling punctuation before the ellipsis', () => {
    const result = truncateToWidth(
      'Alpha beta, gamma delta epsilon',
      measure('Alpha beta, gamma', title20),
      title20,
      measure,
    );
    expect(result.text).toBe(`Alpha beta${ELLIPSIS}`);
  });

  it('cuts inside a single word that is wider than the limit', () => {
    const result = truncateToWidth('Supercalifragilisticexpialidocious', 100, title20, measure);
    expect(result.truncated).toBe(true);
    expect(result.text.endsWith(ELLIPSIS)).toBe(true);
    expect(measure(result.text, title20)).toBeLessThanOrEqual(100);
  });

  it('collapses whitespace', () => {
    expect(truncateToWidth('  Hello \n  world ', 600, title20, measure).text).toBe('Hello world');
  });
});

describe('mobile title (two lines of 328px)', () => {
  it('wraps without cutting when two lines hold it', () => {
    const result = mobileTitle('A short title that wraps onto a second line on a phone screen', measure);
    expect(result.truncated).toBe(false);
    expect(result.lines).toHaveLength(2);
    for (const line of result.lines)
      expect(measure(line, MOBILE_TITLE.font)).toBeLessThanOrEqual(MOBILE_TITLE.lineWidthPx);
    expect(result.limitPx).toBe(656);
  });

  it('cuts the second line of the seed title', () => {
    const result = mobileTitle(SEED_TITLE, measure);
    expect(result.truncated).toBe(true);
    expect(result.lines).toHaveLength(2);
    expect(result.lines[0]).toBe('OpenInfra at FOSDEM 2026:');
    expect(result.lines[1]?.endsWith(ELLIPSIS)).toBe(true);
    for (const line of result.lines) expect(measure(line, MOBILE_TITLE.font)).toBeLessThanOrEqual(328);
  });

  it('clamps to any number of lines', () => {
    const width = measure('three four', title20);
    expect(clampLines('one two three four five six', width, 3, title20, measure)).toMatchObject({
      lines: ['one two', 'three four', 'five six'],
      truncated: false,
    });
    // The last line needs room for the ellipsis too, so it loses a word.
    expect(clampLines('one two three four five six', width, 2, title20, measure)).toMatchObject({
      lines: ['one two', `three${ELLIPSIS}`],
      truncated: true,
    });
  });
});

describe('description snippet', () => {
  const long =
    'In 2026, OpenInfra staff were on the ground across FOSDEM devrooms, policy sessions, Birds of a Feather discussions, and community events, but also several of the ancillary events — listening, contributing, and helping connect the dots across ecosystems.';

  it('formats the date prefix as Google does, without time-zone drift', () => {
    expect(formatSnippetDate('2026-03-14')).toBe('Mar 14, 2026');
    expect(formatSnippetDate('2026-03-14T23:30:00-05:00')).toBe('Mar 14, 2026');
    expect(formatSnippetDate('2026-02-23T10:00:00.000Z')).toBe('Feb 23, 2026');
    expect(formatSnippetDate('yesterday')).toBeNull();
    expect(formatSnippetDate('2026-13-01')).toBeNull();
  });

  it('counts the date prefix in the 920px desktop budget', () => {
    const withDate = snippetDescription(long, '2026-03-14', 'desktop', measure);
    const without = snippetDescription(long, null, 'desktop', measure);
    expect(withDate.prefix).toBe('Mar 14, 2026 — ');
    expect(without.prefix).toBe('');
    expect(withDate.truncated && without.truncated).toBe(true);
    expect(withDate.text.length).toBeLessThan(without.text.length);
    expect(measure(withDate.prefix + withDate.text, DESKTOP_DESCRIPTION.font)).toBeLessThanOrEqual(920);
    expect(measure(without.text, DESKTOP_DESCRIPTION.font)).toBeLessThanOrEqual(920);
  });

  it('cuts shorter on mobile (680px)', () => {
    const desktop = snippetDescription(long, null, 'desktop', measure);
    const mobile = snippetDescription(long, null, 'mobile', measure);
    expect(mobile.limitPx).toBe(680);
    expect(mobile.text.length).toBeLessThan(desktop.text.length);
  });

  it('falls back to characters when no font is available', () => {
    const result = truncateToChars(long, 156);
    expect(result.truncated).toBe(true);
    expect(Array.from(result.text).length).toBeLessThanOrEqual(156);
    expect(result.text.endsWith(ELLIPSIS)).toBe(true);
    expect(truncateToChars('short', 120)).toEqual({ text: 'short', truncated: false, length: 5, limit: 120 });
  });
});
