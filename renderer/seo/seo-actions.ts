/**
 * What the SEO checks compare against, loaded into the workspace store: the open post's context
 * (site, other posts, files, the field mapping) and its social image's facts, and the writer's
 * field mapping saved for the collection. Split from the workspace controller, which hands in what
 * they share with it.
 */
import type { SeoCatalog, SeoContext } from '../../shared/api';
import type { SeoFieldMapping } from '../../shared/seo/types';
import type { Store } from '../app/store';
import type { Invoke } from '../app/workspace-controller';
import type { WorkspaceAction, WorkspaceState } from '../app/workspace-state';

/** Stops a lookup from reporting into the store (its answer came too late to matter). */
export type Forget = () => void;

/** The SEO actions, as the controller exposes them. */
export interface SeoActions {
  /**
   * Loads the open post's SEO context into the store, once per open (none for a data entry): a later
   * call waits for the same answer. Resolves once it is in the store, or failed (then the checks that compare with other
   * posts simply do not run). An answer for an earlier open is dropped.
   */
  loadOpenSeoContext(): Promise<void>;
  /** Looks up the facts of the image `src` in the post (null facts when it cannot be read), into the store. */
  loadSeoImage(path: string, src: string): Forget;
  /** The post has no social image: nothing to look up. */
  clearSeoImage(path: string): void;
  /** Saves which field feeds each SEO role for the open post's collection; throws with the reason when it could not. */
  setSeoMapping(mapping: SeoFieldMapping): Promise<void>;
}

/** Builds the SEO actions. */
export function createSeoActions({
  store,
  invoke,
}: {
  store: Store<WorkspaceState, WorkspaceAction>;
  invoke: Invoke;
}): SeoActions {
  const dispatch = store.dispatch;
  // The site's catalog as the back end last sent it: the same for every post until the site changes,
  // so each open after the first receives only the post's own part (see SeoCatalog).
  let catalog: SeoCatalog | null = null;
  const ask = async (path: string, known: string | null): Promise<SeoContext> => {
    const { catalog: sent, ...own } = await invoke('seo:context', known === null ? { path } : { path, known });
    if ('posts' in sent) catalog = sent;
    // Two opens crossed and the catalog held now is not the one this answer relies on: ask for it whole.
    if (catalog === null || catalog.version !== sent.version) {
      if (known === null) throw new Error('The back end sent no SEO catalog.');
      return ask(path, null);
    }
    const others = catalog.posts.filter((post) => post.path !== path);
    return { ...own, otherPosts: others, existingPaths: catalog.existingPaths };
  };
  // The open the context was last asked for, and its answer.
  let asked: { path: string; session: number; answered: Promise<void> } | null = null;
  return {
    loadOpenSeoContext() {
      const post = store.getState().post;
      // A data entry is not a page: no SEO check applies to it.
      if (post?.doc.kind !== 'post') return Promise.resolve();
      const { path } = post.doc;
      const { session } = post;
      if (asked?.path === path && asked.session === session) return asked.answered;
      const answered = ask(path, catalog?.version ?? null)
        .then((context) => {
          if (asked === mine) dispatch({ type: 'seo-context', path, context });
        })
        .catch(() => undefined);
      const mine = { path, session, answered };
      asked = mine;
      return answered;
    },
    loadSeoImage(path, src) {
      let current = true;
      invoke('media:info', { post: path, src })
        .then((info) => {
          if (current) dispatch({ type: 'seo-image', path, image: { src, info } });
        })
        .catch(() => {
          if (current) dispatch({ type: 'seo-image', path, image: { src, info: null } });
        });
      return () => {
        current = false;
      };
    },
    clearSeoImage: (path) => dispatch({ type: 'seo-image', path, image: null }),
    async setSeoMapping(mapping) {
      const { post, seoContext } = store.getState();
      if (!post || !seoContext) return;
      await invoke('seo:set-mapping', { collection: post.doc.collection, mapping });
      dispatch({ type: 'seo-context', path: post.doc.path, context: { ...seoContext, mapping } });
    },
  };
}
