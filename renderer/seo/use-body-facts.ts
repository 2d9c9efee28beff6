/**
 * The body's SEO facts, kept off the typing path: parsing a 10k-word post takes tens to hundreds
 * of milliseconds, so while the body keeps changing the previous facts stay in use and the parse
 * runs once typing pauses. Facts or a tree the caller already has are used as they are.
 */
import { useEffect, useMemo, useState } from 'react';
import { analyzeBody, type BodyFacts } from '../../shared/seo/body';
import type { SeoInput } from '../../shared/seo/types';

/** How long the body must stay unchanged before it is re-analysed. */
export const BODY_SETTLE_MS = 300;

/** Body facts for `input`: given, from the given tree, or from the body once it settles. */
export function useBodyFacts(input: Pick<SeoInput, 'body' | 'mdast' | 'bodyFacts'>): BodyFacts {
  const { body, mdast, bodyFacts } = input;
  const ownParse = bodyFacts === undefined && mdast === undefined;
  // The first render parses at once, so the panel never opens on empty checks.
  const [parsed, setParsed] = useState<{ body: string; facts: BodyFacts } | null>(() =>
    ownParse ? { body, facts: analyzeBody(body) } : null,
  );
  // Walking a tree is cheap next to parsing: done in render, remembered per tree.
  const treeFacts = useMemo(
    () => (bodyFacts === undefined && mdast !== undefined ? analyzeBody(mdast) : null),
    [bodyFacts, mdast],
  );

  useEffect(() => {
    if (!ownParse || parsed?.body === body) return;
    const timer = setTimeout(() => setParsed({ body, facts: analyzeBody(body) }), parsed === null ? 0 : BODY_SETTLE_MS);
    return () => clearTimeout(timer);
  }, [ownParse, body, parsed]);

  return bodyFacts ?? treeFacts ?? parsed?.facts ?? EMPTY_FACTS;
}

/** Shown for the instant between a caller dropping its own facts and the first parse landing. */
const EMPTY_FACTS: BodyFacts = { firstParagraph: null, images: [], headings: [], links: [], words: 0 };
