import { describe, expect, it } from 'vitest';
import { SEO_CHECK_IDS, type SeoCheck, type SeoCheckId } from '../../../../shared/seo/types';

describe('SEO check ids', () => {
  it('lists each check once, so a new check cannot reuse an id', () => {
    expect(new Set(SEO_CHECK_IDS).size).toBe(SEO_CHECK_IDS.length);
  });

  it('are a closed set the compiler enforces', () => {
    const id: SeoCheckId = 'title-length';
    // @ts-expect-error A misspelt id is not a check.
    const misspelt: SeoCheckId = 'title-lenght';
    // @ts-expect-error A check carries one of the listed ids.
    const made: SeoCheck = { id: 'title', severity: 'pass', title: 'Title', message: '' };
    expect([id, misspelt, made.id]).toEqual(['title-length', 'title-lenght', 'title']);
  });
});
