/**
 * The SEO tab: how the post will look in Google (desktop, mobile) and as X, Facebook/LinkedIn and
 * Slack cards, and the checks with their figures. A pure view of {@link SeoInput}: the caller
 * gathers the data; nothing here talks to the back end.
 */
import { useId, useMemo } from 'react';
import { bodyChecksOf, roleChecks } from '../../shared/seo/checks';
import { cardDomain, googleBreadcrumb } from '../../shared/seo/display';
import type { ImageInfo, MeasureText, SeoInput, SeoRole, SeoRoles } from '../../shared/seo/types';
import { GooglePreview } from './GooglePreview';
import { ROLE_NAMES } from './role-names';
import { usePreviewMeasure } from './measure';
import { SeoChecks } from './SeoChecks';
import { useBodyFacts } from './use-body-facts';
import { OpenGraphCard, SlackUnfurl, XCard, type CardProps } from './SocialCards';
import './seo.css';

/** Props of {@link SeoPanel}. */
export interface SeoPanelProps {
  input: SeoInput;
  /** Turns an image reference from the post (`/img/a.png`, `https://…`) into a URL the page can load. */
  resolveImageUrl: (src: string) => string;
  /** The social image's facts, when they arrive separately from `input` (they take precedence). */
  imageInfo?: ImageInfo | null;
  /** Text measure; defaults to canvas with the bundled font (tests inject one: happy-dom has no canvas). */
  measure?: MeasureText;
}

/** Where a fallback value came from, in words. */
function fallbackSource(from: string): string {
  if (from === 'body') return "the body's first paragraph";
  if (from === 'site') return "the site's address and settings";
  return `“${from}”`;
}

/** Previews and checks for one post. */
export function SeoPanel({ input, resolveImageUrl, imageInfo, measure: injected }: SeoPanelProps) {
  const headingId = useId();
  const measure = usePreviewMeasure(injected);
  const { roles, site, postPath, otherPosts, existingPaths, slug } = input;
  const checkMeasure = input.measure ?? measure;

  // The body is parsed only when it changes and typing pauses, never for a title keystroke.
  const facts = useBodyFacts(input);
  const bodyChecks = useMemo(
    () => bodyChecksOf({ postPath, site, otherPosts, existingPaths }, facts),
    [facts, postPath, site, otherPosts, existingPaths],
  );
  const image = imageInfo !== undefined ? imageInfo : input.image;
  const ownChecks = useMemo(
    () => roleChecks({ roles, site, postPath, slug, otherPosts, image, measure: checkMeasure }),
    [roles, site, postPath, slug, otherPosts, image, checkMeasure],
  );
  const checks = useMemo(() => [...ownChecks, ...bodyChecks], [ownChecks, bodyChecks]);

  const card = useCardProps(roles, site.host, site.siteName, resolveImageUrl);
  const breadcrumb = googleBreadcrumb(roles.canonicalUrl?.value ?? null, site.host);
  const fallbacks = (Object.keys(ROLE_NAMES) as SeoRole[]).flatMap((role) => {
    const resolved = roles[role];
    return resolved?.source === 'fallback' ? [`${ROLE_NAMES[role]} from ${fallbackSource(resolved.from)}`] : [];
  });
  const description = roles.description?.value ?? '';

  return (
    <section className="seo" role="region" aria-label="SEO">
      {fallbacks.length > 0 && (
        <p className="seo-fallbacks" role="note">
          Using fallback: {fallbacks.join('; ')}.
        </p>
      )}
      <section className="seo-previews" aria-labelledby={headingId}>
        <h3 id={headingId} className="seo-section-title">
          Previews
        </h3>
        <GooglePreview
          device="desktop"
          title={card.title}
          description={description}
          date={roles.date?.value ?? null}
          siteName={card.siteName}
          breadcrumb={breadcrumb}
          measure={measure}
        />
        <GooglePreview
          device="mobile"
          title={card.title}
          description={description}
          date={roles.date?.value ?? null}
          siteName={card.siteName}
          breadcrumb={breadcrumb}
          measure={measure}
        />
        <XCard kind="large" {...card} />
        <XCard kind="summary" {...card} />
        <OpenGraphCard {...card} />
        <SlackUnfurl {...card} />
      </section>
      <SeoChecks checks={checks} />
    </section>
  );
}

/** The card fields, memoized on the strings they depend on so unchanged cards skip re-rendering. */
function useCardProps(
  roles: SeoRoles,
  host: string | null,
  siteName: string | null,
  resolveImageUrl: (src: string) => string,
): CardProps {
  const title = roles.title?.value ?? '';
  const description = roles.description?.value ?? '';
  const canonical = roles.canonicalUrl?.value ?? null;
  const src = roles.image?.value ?? null;
  const imageAlt = roles.imageAlt?.value ?? '';
  const handle = roles.twitterHandle?.value ?? null;
  const name = roles.siteName?.value ?? siteName ?? '';
  const imageUrl = useMemo(() => (src === null ? null : resolveImageUrl(src)), [src, resolveImageUrl]);
  return useMemo(() => {
    const domain = cardDomain(canonical, host);
    return { title, description, domain, siteName: name || domain, handle, imageUrl, imageAlt };
  }, [title, description, canonical, host, name, handle, imageUrl, imageAlt]);
}
