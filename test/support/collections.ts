/** A site's "posts" folder collection as the content model describes it, for tests that need one. */
import { collectionId, repoFolder } from '../../shared/content/collection-ids';
import type { FolderCollection } from '../../shared/content/schema/types';

/** `content/posts/*.md` with front matter, slugged from the title, no fields; `over` replaces any part. */
export function postsCollection(over: Partial<FolderCollection> = {}): FolderCollection {
  return {
    kind: 'folder',
    name: collectionId('posts'),
    label: 'Posts',
    labelSingular: 'Post',
    folder: repoFolder('content/posts'),
    extension: 'md',
    format: 'frontmatter',
    slug: '{{slug}}',
    identifierField: 'title',
    sortableFields: [],
    create: true,
    fields: [],
    bodyField: 'body',
    inferred: false,
    ...over,
  };
}
