/**
 * The page for a data entry (an author's YAML file, a site settings JSON): no body to write, so the
 * centre shows the entry's name and its whole form where the prose would be. Saving and publishing
 * go through the same controller as posts. A post of a `single_file` translated collection opens
 * here too: its languages (bodies included) are groups of its front matter.
 */
import type { PostDocument } from '../../shared/api';
import { collectionOf, entryName } from '../app/entry-schema';
import { useController, useWorkspace } from '../app/WorkspaceContext';
import { EntryForm } from '../frontmatter/FieldsPanel';
import { PageNotices } from './PageNotices';
import { SaveButton } from './SaveButton';
import './data-entry.css';

const FORMAT_NAMES = { yaml: 'YAML', toml: 'TOML', json: 'JSON', none: '' } as const;

/** Edits one opened data entry. */
export function DataEntryPage({ doc }: { doc: PostDocument }) {
  const controller = useController();
  const model = useWorkspace((state) => state.model);
  const value = useWorkspace((state) => state.post?.frontMatter ?? doc.frontMatter);
  const name = entryName(model, doc, value);
  return (
    <div className="page">
      <div className="page__bar">
        <span className="data-entry__path" title={doc.path}>
          {doc.path}
        </span>
        <SaveButton />
      </div>
      <div className="page__scroll">
        <article className="page__sheet data-entry" aria-labelledby="data-entry-name">
          <PageNotices />
          <h2 className="page__title data-entry__name" id="data-entry-name">
            {name}
          </h2>
          <p className="data-entry__note">
            {collectionOf(model, doc.collection)?.i18n?.structure === 'single_file'
              ? 'Every language of this post lives in its front matter: each language, its body included, is a group below. Saving changes only the values you edit.'
              : `Data file (${FORMAT_NAMES[doc.format]}) — no body. Every value is a field below; saving changes only the values you edit.`}
          </p>
          <div className="data-entry__form">
            <EntryForm
              postPath={doc.path}
              collectionId={doc.collection}
              value={value}
              onChange={controller.editFrontMatter}
              withTitle
            />
          </div>
        </article>
      </div>
    </div>
  );
}
