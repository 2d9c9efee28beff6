/**
 * Decap CMS `i18n` settings: the site's (top level) and each collection's, which may accept the
 * site's (`i18n: true`) or narrow them (`i18n: { locales: [de] }`). Problems are reported like every
 * other config problem; a broken setting leaves the collection untranslated rather than unloaded.
 */
import {
  type ConfigPath,
  type ReportProblem,
  isRawObject,
  own,
  ownAny,
  readString,
  readStringList,
} from './config-values';
import type { I18nSettings, I18nStructure } from './types';

const STRUCTURES: readonly I18nStructure[] = ['multiple_folders', 'multiple_files', 'single_file'];
// Locale codes end up in folder and file names: letters, digits, `-` and `_` only.
const LOCALE_CODE = /^[A-Za-z0-9][A-Za-z0-9_-]*$/;

/** The top-level `i18n` mapping, or undefined when the site has none (or it cannot be used). */
export function readSiteI18n(raw: unknown, report: ReportProblem): I18nSettings | undefined {
  if (raw === undefined) return undefined;
  const path = ['i18n'];
  const ignored = 'translations are ignored';
  if (!isRawObject(raw)) {
    report(path, 'error', `"i18n" should be a mapping with "structure" and "locales"; ${ignored}.`);
    return undefined;
  }
  const structure = readStructure(own(raw, 'structure'), [...path, 'structure'], '"i18n"', ignored, report);
  if (structure === undefined) {
    if (own(raw, 'structure') === undefined)
      report(path, 'error', `"i18n" has no "structure" (${STRUCTURES.join(', ')}); ${ignored}.`);
    return undefined;
  }
  const locales = readLocales(own(raw, 'locales'), [...path, 'locales'], '"i18n"', report, null);
  if (locales.length === 0) {
    report(
      own(raw, 'locales') === undefined ? path : [...path, 'locales'],
      'error',
      `"i18n" lists no "locales"; ${ignored}.`,
    );
    return undefined;
  }
  const defaultLocale = readDefaultLocale(raw, path, '"i18n"', locales, locales[0] as string, report);
  return { structure, locales, defaultLocale };
}

/**
 * A collection's `i18n`: `true` takes the site's settings, a mapping overrides some of them (its
 * locales must be among the site's). Undefined when the collection is not translated.
 */
export function readCollectionI18n(
  raw: unknown,
  site: I18nSettings | undefined,
  path: ConfigPath,
  owner: string,
  report: ReportProblem,
): I18nSettings | undefined {
  if (raw === undefined || raw === false) return undefined;
  const at = [...path, 'i18n'];
  if (site === undefined) {
    report(
      at,
      'error',
      `${owner}: "i18n" needs the top-level "i18n" settings (structure and locales); the collection is not translated.`,
    );
    return undefined;
  }
  if (raw === true) return site;
  if (!isRawObject(raw)) {
    report(at, 'error', `${owner}: "i18n" should be true or a mapping of settings; the site's settings are used.`);
    return site;
  }
  const structure =
    readStructure(
      own(raw, 'structure'),
      [...at, 'structure'],
      owner,
      `the site's "${site.structure}" is used`,
      report,
    ) ?? site.structure;
  const listed =
    own(raw, 'locales') === undefined
      ? []
      : readLocales(own(raw, 'locales'), [...at, 'locales'], owner, report, site.locales);
  const locales = listed.length > 0 ? listed : site.locales;
  const fallback = locales.includes(site.defaultLocale) ? site.defaultLocale : (locales[0] as string);
  return { structure, locales, defaultLocale: readDefaultLocale(raw, at, owner, locales, fallback, report) };
}

function readStructure(
  raw: unknown,
  path: ConfigPath,
  owner: string,
  consequence: string,
  report: ReportProblem,
): I18nStructure | undefined {
  if (raw === undefined) return undefined;
  const structure = STRUCTURES.find((known) => known === raw);
  if (structure === undefined) {
    report(
      path,
      'error',
      `${owner}: i18n structure "${String(raw)}" is unknown (expected ${STRUCTURES.join(', ')}); ${consequence}.`,
    );
  }
  return structure;
}

/** Locale codes, each checked; with `allowed`, codes outside it are reported and dropped. */
function readLocales(
  raw: unknown,
  path: ConfigPath,
  owner: string,
  report: ReportProblem,
  allowed: readonly string[] | null,
): string[] {
  const locales: string[] = [];
  for (const code of readStringList(raw)) {
    if (!LOCALE_CODE.test(code)) {
      report(
        path,
        'error',
        `${owner}: locale "${code}" cannot be part of a file name (use letters, digits, "-" or "_"); it is ignored.`,
      );
    } else if (allowed !== null && !allowed.includes(code)) {
      report(
        path,
        'error',
        `${owner}: locale "${code}" is not among the site's locales (${allowed.join(', ')}); it is ignored.`,
      );
    } else if (!locales.includes(code)) {
      locales.push(code);
    }
  }
  return locales;
}

function readDefaultLocale(
  raw: Record<string, unknown>,
  path: ConfigPath,
  owner: string,
  locales: readonly string[],
  fallback: string,
  report: ReportProblem,
): string {
  const given = readString(ownAny(raw, 'default_locale', 'defaultLocale'));
  if (given === undefined) return fallback;
  if (locales.includes(given)) return given;
  const key = own(raw, 'default_locale') === undefined ? 'defaultLocale' : 'default_locale';
  report(
    [...path, key],
    'error',
    `${owner}: default_locale "${given}" is not among the locales (${locales.join(', ')}); "${fallback}" is used.`,
  );
  return fallback;
}
