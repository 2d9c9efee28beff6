import { describe, expect, it } from 'vitest';
import { analyzeBody, countWords, parseBody } from '../../../../shared/seo/body';
import { bodyChecksOf, runSeoChecks } from '../../../../shared/seo/checks';
import { resolveSite } from '../../../../shared/seo/site';
import type { OtherPost, SeoCheck, SeoCheckId, SiteInfo } from '../../../../shared/seo/types';

const site: SiteInfo = resolveSite({ site_url: 'https://example.org' }, []);
const others: OtherPost[] = [
  { path: 'content/blog/rain.md', title: 'Rain', canonicalUrl: null },
  { path: 'content/blog/snow/index.md', title: 'Snow', canonicalUrl: null },
];
const existing = new Set([
  'content/blog/rain.md',
  'content/blog/snow/index.md',
  'static/img/a.png',
  'content/blog/photo.jpg',
  'docs/guide.pdf',
]);

function checksOf(body: string): SeoCheck[] {
  return bodyChecksOf(
    { postPath: 'content/blog/post.md', site, otherPosts: others, existingPaths: existing },
    analyzeBody(body),
  );
}
function check(body: string, id: SeoCheckId): SeoCheck {
  const found = checksOf(body).find((c) => c.id === id);
  if (!found) throw new Error(`no ${id}`);
  return found;
}

describe('body image alt text', () => {
  it('lists images without alt, Markdown and HTML alike', () => {
    const found = check(
      '![ok](a.png)\n\n![](b.png)\n\n<img src="c.png">\n\n<img src="d.png" alt="fine">\n\n![x][ref]\n\n[ref]: e.png',
      'body-image-alt',
    );
    expect(found.severity).toBe('warning');
    expect(found.message).toContain('b.png (line 3)');
    expect(found.message).toContain('c.png');
    expect(found.message).not.toContain('d.png');
    expect(found.figures).toEqual({ images: 5, missing: 2 });
  });

  it('passes when every image has alt text', () =>
    expect(check('![a](a.png)', 'body-image-alt').severity).toBe('pass'));
});

describe('heading levels', () => {
  it('warns when a level is skipped, naming the jump', () => {
    const found = check('## Two\n\n#### Four\n\n## Two again\n\n### Three', 'body-headings');
    expect(found.severity).toBe('warning');
    expect(found.message).toContain('## then #### “Four” (line 3)');
    expect(found.figures).toEqual({ headings: 4, skipped: 1 });
  });

  it('treats the post title as the h1, so the body may open with h2 but not h3', () => {
    expect(check('## Two\n\n### Three\n\n## Two', 'body-headings').severity).toBe('pass');
    expect(check('### Three first', 'body-headings').severity).toBe('warning');
  });
});

describe('internal links', () => {
  it('accepts links to existing files, posts by slug and site-rooted media', () => {
    const body = [
      '[rain](rain.md) [rain url](/blog/rain/) [snow](../blog/snow/) [img](/img/a.png) [photo](photo.jpg)',
      '[pdf](../../docs/guide.pdf) [anchor](#top) [web](https://other.example/x) [mail](mailto:a@b.c)',
      '[own site](https://example.org/blog/snow) [hugo]({{< ref "rain" >}})',
    ].join('\n\n');
    const found = check(body, 'body-links');
    expect(found.severity).toBe('pass');
    // The ref shortcode resolves to rain.md by name.
    expect(found.figures).toEqual({ internal: 8 });
  });

  it('calls broken only files the repository lacks, and names the pages it cannot resolve', () => {
    const found = check(
      'Fine [rain](rain.md).\n\nBroken [x](missing.md) and [y](/blog/nowhere) and ![z](/img/gone.png)\n\n[own](https://example.org/blog/gone)',
      'body-links',
    );
    expect(found.severity).toBe('error');
    expect(found.message).toBe(
      '2 links or images point at a file the repository does not have: missing.md (line 3), /img/gone.png (line 3). 2 left to the site generator (page addresses: 2).',
    );
    expect(found.figures).toEqual({ internal: 5, unresolved: 2, broken: 2 });
  });
});

describe('word count and reading time', () => {
  it('counts prose words, not code or markup', () => {
    expect(countWords('Hello — world, it’s 2026!')).toBe(3 + 1);
    const facts = analyzeBody(
      '# Title here\n\nOne *two* [three](x) four.\n\n```\nnot counted at all\n```\n\n| a | b |\n|---|---|\n| five | six |',
    );
    expect(facts.words).toBe(2 + 4 + 2 + 2);
  });

  it('reports words and minutes at 238 words per minute', () => {
    const found = check(Array.from({ length: 476 }, () => 'word').join(' '), 'body-stats');
    expect(found).toMatchObject({ severity: 'pass', figures: { words: 476, readingMinutes: 2, wordsPerMinute: 238 } });
    expect(check('', 'body-stats').figures).toMatchObject({ words: 0, readingMinutes: 0 });
  });
});

describe('runSeoChecks on a long post', () => {
  it('uses a tree or facts it is given, and stays fast on 10k words', () => {
    const paragraph =
      'The quick brown fox jumps over the lazy dog near the [river](rain.md) bank at dusk with friends. '.repeat(5);
    const body = Array.from(
      { length: 120 },
      (_, i) => `## Section ${i}\n\n${paragraph}\n\n![figure ${i}](/img/a.png)`,
    ).join('\n\n');
    const base = {
      roles: {
        title: null,
        description: null,
        canonicalUrl: null,
        image: null,
        imageAlt: null,
        author: null,
        date: null,
        siteName: null,
        twitterHandle: null,
      },
      postPath: 'content/blog/post.md',
      site,
      otherPosts: others,
      existingPaths: existing,
    };
    const parseStart = performance.now();
    const mdast = parseBody(body);
    const parseMs = performance.now() - parseStart;
    const facts = analyzeBody(mdast);
    expect(facts.words).toBeGreaterThan(10_000);
    const start = performance.now();
    const rounds = 20;
    for (let i = 0; i < rounds; i += 1) runSeoChecks({ ...base, body, bodyFacts: facts });
    const perRun = (performance.now() - start) / rounds;
    // A figure, not a gate (timing varies by machine): printed for the report.
    console.info(`10k words: parse ${parseMs.toFixed(1)} ms, checks with cached facts ${perRun.toFixed(2)} ms`);
    expect(runSeoChecks({ ...base, body, mdast })).toEqual(runSeoChecks({ ...base, body, bodyFacts: facts }));
  });
});

describe('generator link tags', () => {
  it('checks Jekyll’s {% link %} and {% post_url %} against the repository, and leaves unfound Hugo refs to Hugo', () => {
    const posts = new Set(['_posts/2024-03-02-first-dig.md', 'about.md']);
    const run = (body: string) =>
      bodyChecksOf(
        { postPath: '_posts/2024-04-06-beans.md', site, otherPosts: [], existingPaths: posts },
        analyzeBody(body),
      ).find((c) => c.id === 'body-links');
    expect(
      run(
        'See [the dig]({% link _posts/2024-03-02-first-dig.md %}) and [it]({% post_url 2024-03-02-first-dig %}) and [about]({% link about.md %}).',
      ),
    ).toMatchObject({ severity: 'pass', figures: { internal: 3 } });
    const broken = run(
      'Gone: [x]({% link _posts/2020-01-01-gone.md %}) and [y]({% post_url 2020-01-01-gone %}).\n\nLeft: [z]({{< ref "docs/install" >}}) and `{% link not-a-link.md %}` in code.',
    );
    expect(broken).toMatchObject({ severity: 'error', figures: { internal: 3, unresolved: 1, broken: 2 } });
    expect(broken?.message).toBe(
      '2 links or images point at a file the repository does not have: _posts/2020-01-01-gone.md (line 1), 2020-01-01-gone (line 1). 1 left to the site generator (Hugo refs by name: 1).',
    );
  });

  it('collects ref and relref shortcodes from text, HTML and link destinations', () => {
    const facts = analyzeBody(
      'Read [x]({{< ref "docs/install" >}}) and {{< relref "configure.md#units" >}}.\n\n<a href="{{% ref \'/docs/cli\' %}}">CLI</a>\n\n[y]({{<ref "a">}})',
    );
    expect(facts.templateLinks?.map((link) => link.target)).toEqual([
      'docs/install',
      'configure.md#units',
      '/docs/cli',
      'a',
    ]);
  });
});

describe('safe links', () => {
  it('flags script and non-image data: addresses in links, images, definitions and HTML as errors', () => {
    const body = [
      '[click](javascript:alert(1)) and [fine](https://example.org) and ![pic](data:image/png;base64,iVBO=)',
      '[ref link][bad] and ![shot](data:text/html,hi)',
      '<p><a href="  JaVaScRiPt:void(0)">html</a></p>',
      '[bad]: vbscript:msgbox(1)',
    ].join('\n\n');
    const found = check(body, 'body-unsafe-links');
    expect(found.severity).toBe('error');
    expect(found.figures).toEqual({ unsafe: 4 });
    expect(found.message).toContain('javascript:alert(1) (line 1)');
    expect(found.message).toContain('vbscript:msgbox(1) (line 3)');
    expect(found.message).not.toContain('example.org');
    // Not also reported as a missing file.
    expect(check(body, 'body-links').severity).toBe('pass');
  });

  it('passes a body of ordinary links', () => {
    expect(
      check('[a](https://example.org) [b](/blog/rain/) [c](#top) [d](mailto:a@b.c)', 'body-unsafe-links').severity,
    ).toBe('pass');
  });
});
