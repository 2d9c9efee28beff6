// @vitest-environment happy-dom
import { afterEach, describe, expect, it, onTestFinished, vi } from 'vitest';
import { act } from 'react';
import type { FrontMatterData } from '../../../../shared/api';
import { analyzeBody } from '../../../../shared/seo/body';
import { resolveSeoRoles } from '../../../../shared/seo/roles';
import { resolveSite } from '../../../../shared/seo/site';
import type { FontSpec, ImageInfo, SeoInput } from '../../../../shared/seo/types';
import { SeoPanel } from '../../../../renderer/seo/SeoPanel';
import { BODY_SETTLE_MS } from '../../../../renderer/seo/use-body-facts';
import { allByRole, getByRole, mount, type Mounted } from '../dom';

// happy-dom has no canvas: a fake font where every character is half the font size wide.
const fakeMeasure = (text: string, font: FontSpec) => Array.from(text).length * font.sizePx * 0.5;
const resolveImageUrl = (src: string) => `masthead-media://repo/${src.replace(/^\//, '')}`;
const site = resolveSite({ site_url: 'https://example.org' }, []);
const LONG_TITLE = 'Lanterns on the river: a night market guide for the whole family, with maps and timings';

function makeInput(
  frontMatter: FrontMatterData,
  body: string,
  image: ImageInfo | null = { width: 1200, height: 630, bytes: 1000, format: 'jpg' },
): SeoInput {
  const bodyFacts = analyzeBody(body);
  return {
    roles: resolveSeoRoles(frontMatter, { body: bodyFacts, site }),
    body,
    bodyFacts,
    postPath: 'content/blog/lanterns.md',
    site,
    otherPosts: [],
    image,
    existingPaths: [],
  };
}

const post: FrontMatterData = {
  title: LONG_TITLE,
  date: '2026-03-14',
  image: '/img/lanterns.jpg',
  seo: { url: 'https://example.org/blog/lanterns', twitterUsername: '@examplepress' },
};
const body = 'Where the lantern stalls set up and when to arrive.\n\n## Getting there\n\nTake the river path.';

let mounted: Mounted | undefined;
afterEach(async () => {
  await mounted?.unmount();
  mounted = undefined;
});

describe('SeoPanel', () => {
  it('is a region named SEO with every preview named', async () => {
    mounted = await mount(
      <SeoPanel input={makeInput(post, body)} resolveImageUrl={resolveImageUrl} measure={fakeMeasure} />,
    );
    const panel = getByRole(mounted.container, 'region', 'SEO');
    for (const name of [
      'Google result (desktop)',
      'Google result (mobile)',
      'X card (large image)',
      'X card (summary)',
      'Facebook / LinkedIn card',
      'Slack unfurl',
    ]) {
      expect(getByRole(panel, 'figure', name)).toBeTruthy();
    }
  });

  it('draws the Google result with breadcrumb, date prefix and a pixel-truncated title', async () => {
    mounted = await mount(
      <SeoPanel input={makeInput(post, body)} resolveImageUrl={resolveImageUrl} measure={fakeMeasure} />,
    );
    const desktop = getByRole(mounted.container, 'figure', 'Google result (desktop)');
    expect(desktop.textContent).toContain('https://example.org › blog › lanterns');
    expect(desktop.textContent).toContain('Mar 14, 2026 — Where the lantern stalls');
    const title = desktop.querySelector('.seo-google__title')?.textContent ?? '';
    // 10px per character at 20px: 600px holds 60 characters including the ' …'.
    expect(title.endsWith(' …')).toBe(true);
    expect(Array.from(title).length).toBeLessThanOrEqual(60);
    const mobileLines = getByRole(mounted.container, 'figure', 'Google result (mobile)').querySelectorAll(
      '.seo-google__title-line',
    );
    expect(mobileLines).toHaveLength(2);
  });

  it('shows cards with domain, handle and the resolved image', async () => {
    mounted = await mount(
      <SeoPanel input={makeInput(post, body)} resolveImageUrl={resolveImageUrl} measure={fakeMeasure} />,
    );
    const large = getByRole(mounted.container, 'figure', 'X card (large image)');
    expect(large.textContent).toContain('example.org');
    expect(large.textContent).toContain('@examplepress');
    expect(large.querySelector('img')?.getAttribute('src')).toBe('masthead-media://repo/img/lanterns.jpg');
  });

  it('shows a placeholder when an image cannot be loaded', async () => {
    mounted = await mount(
      <SeoPanel input={makeInput(post, body)} resolveImageUrl={resolveImageUrl} measure={fakeMeasure} />,
    );
    const og = getByRole(mounted.container, 'figure', 'Facebook / LinkedIn card');
    const img = og.querySelector('img');
    expect(img).not.toBeNull();
    await act(async () => img?.dispatchEvent(new Event('error')));
    expect(getByRole(og, 'img', 'Image could not be loaded')).toBeTruthy();
    expect(og.querySelector('img')).toBeNull();
  });

  it('says when a role uses a fallback', async () => {
    mounted = await mount(
      <SeoPanel input={makeInput({ title: 'Rain' }, body)} resolveImageUrl={resolveImageUrl} measure={fakeMeasure} />,
    );
    const note = getByRole(mounted.container, 'note');
    expect(note.textContent).toContain('Using fallback:');
    expect(note.textContent).toContain('Title from “title”');
    expect(note.textContent).toContain("Description from the body's first paragraph");
  });

  it('lists the checks with their messages and figures; imageInfo overrides the input', async () => {
    const input = makeInput(post, body);
    mounted = await mount(
      <SeoPanel
        input={input}
        resolveImageUrl={resolveImageUrl}
        measure={fakeMeasure}
        imageInfo={{ width: 200, height: 100, bytes: 10, format: 'png' }}
      />,
    );
    const list = getByRole(mounted.container, 'list', 'SEO checks');
    const items = allByRole(list, 'listitem').map((item) => item.textContent ?? '');
    expect(items.length).toBeGreaterThan(10);
    // Nothing here breaks the page: a card X won't show and a long title are advice, listed first.
    expect(items[0]).toMatch(/^.?Warning/);
    expect(
      items.some((text) => /^.?Warning: X card image size.*smaller than X's minimum of 300 × 157 px/.test(text)),
    ).toBe(true);
    expect(items.some((text) => text.includes('No description'))).toBe(true);
    // Title width used the injected measure: 10 px per character at 20px.
    const widthPx = Array.from(LONG_TITLE).length * 10;
    expect(items.some((text) => text.includes(`${widthPx} px wide`))).toBe(true);
    expect(mounted.container.querySelector('[data-check="title-width"] dl')?.textContent).toContain(String(widthPx));
  });

  it('does not re-measure unchanged previews when only the body changes', async () => {
    const measure = vi.fn(fakeMeasure);
    const input = makeInput(post, body);
    mounted = await mount(<SeoPanel input={input} resolveImageUrl={resolveImageUrl} measure={measure} />);
    measure.mockClear();
    await mounted.rerender(
      <SeoPanel
        input={{ ...input, body: `${body}\n\nMore.`, bodyFacts: analyzeBody(`${body}\n\nMore.`) }}
        resolveImageUrl={resolveImageUrl}
        measure={measure}
      />,
    );
    expect(measure).not.toHaveBeenCalled();
    expect(getByRole(mounted.container, 'list', 'SEO checks').textContent).toContain('words');
  });

  it('parses the body itself when given none, re-analysing once typing pauses', async () => {
    vi.useFakeTimers();
    onTestFinished(() => void vi.useRealTimers());
    const { bodyFacts: _facts, ...withoutFacts } = makeInput(post, body);
    mounted = await mount(<SeoPanel input={withoutFacts} resolveImageUrl={resolveImageUrl} measure={fakeMeasure} />);
    const stats = () => mounted?.container.querySelector('[data-check="body-stats"]')?.textContent ?? '';
    expect(stats()).toContain('16 words');
    await mounted.rerender(
      <SeoPanel
        input={{ ...withoutFacts, body: `${body}\n\nTwo more.` }}
        resolveImageUrl={resolveImageUrl}
        measure={fakeMeasure}
      />,
    );
    // Still the old count while the writer types…
    expect(stats()).toContain('16 words');
    // …and the new one once the body has been still for a moment.
    await act(async () => void (await vi.advanceTimersByTimeAsync(BODY_SETTLE_MS - 50)));
    expect(stats()).toContain('16 words');
    await act(async () => void (await vi.advanceTimersByTimeAsync(50)));
    expect(stats()).toContain('18 words');
  });
});
