/**
 * The card image a site's templates use for every page that sets none: Hugo's `params.images`
 * (its built-in Open Graph template's fallback), Jekyll's front-matter `defaults` (which give every
 * page an `image`) or a site-wide `image`. With one, a post without an image of its own still has
 * a card picture, so its absence is no finding.
 */
import { load } from 'js-yaml';
import { parse as parseToml } from 'smol-toml';

/** Site config files that may name a default image, in the order generators read them. */
export const SITE_CONFIG_FILES = [
  'hugo.toml',
  'hugo.yaml',
  'hugo.yml',
  'config.toml',
  'config.yaml',
  'config.yml',
  '_config.yml',
  '_config.yaml',
] as const;

/** The default card image named by a site config file's text, or null (also for text that does not parse). */
export function siteImageOf(fileName: string, text: string): string | null {
  let data: unknown;
  try {
    data = fileName.endsWith('.toml') ? parseToml(text) : load(text);
  } catch {
    return null;
  }
  if (!isRecord(data)) return null;
  const params = isRecord(data.params) ? data.params : {};
  const direct =
    firstText(params.images) ??
    firstText(params.image) ??
    firstText(params.og_image) ??
    firstText(data.image) ??
    firstText(data.og_image);
  if (direct !== null) return direct;
  // Jekyll: `defaults: [{ scope: { path: "" }, values: { image: … } }]` applies to every page.
  if (Array.isArray(data.defaults)) {
    for (const rule of data.defaults) {
      if (!isRecord(rule) || !isRecord(rule.values)) continue;
      const scope = isRecord(rule.scope) ? rule.scope : {};
      if (scope.path !== undefined && scope.path !== '') continue;
      const image = firstText(rule.values.image);
      if (image !== null) return image;
    }
  }
  return null;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function firstText(value: unknown): string | null {
  if (Array.isArray(value)) return value.length > 0 ? firstText(value[0]) : null;
  if (isRecord(value)) return firstText(value.path ?? value.src ?? value.url);
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}
