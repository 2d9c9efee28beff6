/**
 * The open post's translations, above its fields: every locale of the collection, which files
 * exist (open them) and which are missing (add them: the back end writes the file beside the post,
 * duplicated fields copied, translated ones left to fill in), and which fields saving keeps the
 * same in every translation.
 */
import { useId } from 'react';
import type { CollectionId } from '../../shared/api';
import { entryLocaleOf, fieldTranslation, hasLocaleFiles, localeName } from '../../shared/content/schema/i18n';
import { collectionOf } from '../app/entry-schema';
import { useController, useWorkspace } from '../app/WorkspaceContext';
import '../library/locale-tag.css';
import './translations.css';

/** Shown for posts of collections translated into a file per locale; nothing otherwise. */
export function TranslationsPanel({ postPath, collectionId }: { postPath: string; collectionId: CollectionId }) {
  const controller = useController();
  const model = useWorkspace((state) => state.model);
  const posts = useWorkspace((state) => state.posts);
  const creating = useWorkspace((state) => state.creating);
  const headingId = useId();
  const collection = collectionOf(model, collectionId);
  const at = hasLocaleFiles(collection) ? entryLocaleOf(collection, postPath) : null;
  if (!hasLocaleFiles(collection) || !at) return null;

  const files = new Map<string, string>();
  for (const post of posts ?? []) {
    if (post.collection === collectionId && post.translationKey === at.key && post.locale !== undefined)
      files.set(post.locale, post.path);
  }
  // The open file exists even before the library's list catches up with it.
  files.set(at.locale, postPath);
  const { locales, defaultLocale } = collection.i18n;
  const missing = locales.filter((locale) => !files.has(locale)).length;
  const shared = collection.fields
    .filter((field) => fieldTranslation(field) === 'duplicate')
    .map((field) => field.label);

  return (
    <section className="translations" aria-labelledby={headingId}>
      <h3 className="translations__title" id={headingId}>
        Translations{' '}
        <span className="translations__summary">{missing === 0 ? 'all locales written' : `${missing} missing`}</span>
      </h3>
      <ul className="translations__list">
        {locales.map((locale) => {
          const name = localeName(locale);
          const path = files.get(locale);
          return (
            <li key={locale} className="translations__item" data-missing={path === undefined || undefined}>
              <span className="locale-tag" aria-hidden="true">
                {locale}
              </span>
              <span className="translations__name">
                {name}
                {locale === defaultLocale && <span className="translations__note"> · default</span>}
              </span>
              {locale === at.locale ? (
                <span className="translations__state">Open now</span>
              ) : path !== undefined ? (
                <button type="button" className="button button--small" onClick={() => controller.requestOpen(path)}>
                  Open<span className="visually-hidden"> {name}</span>
                </button>
              ) : (
                <>
                  <span className="translations__state translations__state--missing">Missing</span>
                  <button
                    type="button"
                    className="button button--small"
                    disabled={creating !== null}
                    onClick={() => controller.requestTranslate(postPath, locale)}
                  >
                    Add translation<span className="visually-hidden"> in {name}</span>
                  </button>
                </>
              )}
            </li>
          );
        })}
      </ul>
      {shared.length > 0 && (
        <p className="translations__hint">
          {listOf(shared)} {shared.length === 1 ? 'is' : 'are'} the same in every language: a change here is copied into
          the other translations when you save, and published with this post (a translation with unpublished edits of
          its own goes out when you publish it).
        </p>
      )}
    </section>
  );
}

/** "Date", "Date and Tags", "Date, Tags and Author". */
function listOf(names: readonly string[]): string {
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}
