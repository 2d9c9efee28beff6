import { describe, expect, it } from 'vitest';
import { siteImageOf } from '../../../../shared/seo/site-image';

describe('siteImageOf', () => {
  it('reads Hugo’s params.images (TOML or YAML)', () => {
    expect(siteImageOf('hugo.toml', 'title = "T"\n[params]\n  images = ["/images/card.png", "/b.png"]\n')).toBe(
      '/images/card.png',
    );
    expect(siteImageOf('config.yaml', 'params:\n  image: /img/site.jpg\n')).toBe('/img/site.jpg');
  });

  it('reads Jekyll’s defaults for every page, but not ones scoped to a folder', () => {
    const all = 'defaults:\n  - scope: { path: "" }\n    values:\n      image: /assets/card.png\n';
    expect(siteImageOf('_config.yml', all)).toBe('/assets/card.png');
    const scoped = 'defaults:\n  - scope: { path: "_drafts" }\n    values:\n      image: /assets/draft.png\n';
    expect(siteImageOf('_config.yml', scoped)).toBeNull();
  });

  it('is null without one, and for text that does not parse', () => {
    expect(siteImageOf('hugo.toml', 'title = "T"\n')).toBeNull();
    expect(siteImageOf('hugo.toml', 'title = = "T"')).toBeNull();
    expect(siteImageOf('_config.yml', 'a: [unclosed')).toBeNull();
  });
});
