/**
 * Publishing the open post: refused while a field is invalid, held back by SEO errors until the
 * writer confirms, then saved, committed and pushed in the controller's queue. Split from
 * workspace-controller.ts, which hands in what they share with it.
 */
import type { SaveRequest } from '../../shared/api';
import { jsonEqual } from '../../shared/content/json-values';
import { toAppError } from '../../shared/errors';
import type { runSeoChecks } from '../../shared/seo/checks';
import type { buildSeoInput } from '../../shared/seo/input';
import type { SeoCheck } from '../../shared/seo/types';
import { entryFields, entryIssues } from './entry-schema';
import type { Store } from './store';
import type { Invoke } from './workspace-controller';
import type { OpenPost, WorkspaceAction, WorkspaceState } from './workspace-state';

/** What publishing needs from the controller. */
export interface PublishDeps {
  store: Store<WorkspaceState, WorkspaceAction>;
  invoke: Invoke;
  /** Runs a task after every save or publish already asked for. */
  enqueue: <T>(task: () => Promise<T>) => Promise<T>;
  /** The save request for the open post, or null when none is open. */
  request: (state: WorkspaceState) => SaveRequest | null;
  /** The body as a save would send it. */
  bodyOf: (post: OpenPost) => string;
  /** How many edits the writer has made so far (to tell whether they typed during a publish). */
  edits: () => number;
  /** Records that the file now holds `payload`. */
  saved: (payload: SaveRequest, stillDirty: boolean) => void;
  loadPosts: () => Promise<void>;
  refreshSync: () => Promise<void>;
  /** Loads the open post's SEO context unless it was asked for already; resolves once it is in the store, or failed. */
  loadOpenSeoContext: () => Promise<void>;
}

interface SeoChecks {
  runSeoChecks: typeof runSeoChecks;
  buildSeoInput: typeof buildSeoInput;
}

let seoChecks: Promise<SeoChecks> | null = null;

/** How long a publish waits for the open post's SEO context before checking without it. */
export const SEO_CONTEXT_WAIT_MS = 5000;

/** Waits for `promise`, or `ms`, whichever comes first. */
function atMost(promise: Promise<void>, ms: number): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<void>((resolve) => (timer = setTimeout(resolve, ms)));
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

// The SEO checks bring the Markdown parser: loaded with the first publish, not the first screen.
function loadSeoChecks(): Promise<SeoChecks> {
  seoChecks ??= Promise.all([import('../../shared/seo/checks'), import('../../shared/seo/input')]).then(
    ([checks, input]) => ({ runSeoChecks: checks.runSeoChecks, buildSeoInput: input.buildSeoInput }),
    (error: unknown) => {
      seoChecks = null;
      throw error;
    },
  );
  return seoChecks;
}

/** Builds the publish action. */
export function createPublishActions(deps: PublishDeps): { publish(options?: { ignoreSeo?: boolean }): Promise<void> } {
  const { store, invoke, enqueue, request, bodyOf, edits, saved, loadPosts, refreshSync, loadOpenSeoContext } = deps;
  const dispatch = store.dispatch;

  // SEO errors (no description, a canonical URL another post uses…) hold a publish back until the
  // writer fixes them or confirms; warnings never do.
  function seoErrors(state: WorkspaceState, { runSeoChecks, buildSeoInput }: SeoChecks): SeoCheck[] {
    const post = state.post;
    if (!post) return [];
    const body = bodyOf(post);
    const fields = entryFields(state.model, post.doc.collection, post.doc.frontMatter, post.doc.path);
    const input = buildSeoInput({
      path: post.doc.path,
      frontMatter: post.frontMatter,
      body,
      context: state.seoContext,
      image: undefined,
      fields,
    });
    const image = state.seoImage;
    if (image && image.src === input.roles.image?.value) input.image = image.info;
    return runSeoChecks(input).filter((check) => check.severity === 'error');
  }

  async function publish(options: { ignoreSeo?: boolean } = {}): Promise<void> {
    // Before reading the state: from here to 'publish-start' nothing waits, so a second press sees it running.
    // The checks that compare with other posts need the context, which loads at the writer's first
    // pause after opening (SeoWatcher.tsx): a publish right after opening waits for it, for a while
    // (a back end too slow to answer must not hold the publish; the checks then run without it).
    const [checks] = await Promise.all([loadSeoChecks(), atMost(loadOpenSeoContext(), SEO_CONTEXT_WAIT_MS)]);
    const state = store.getState();
    if (!state.post || state.publish.running) return;
    // A required field left empty (or another invalid value) would publish a broken page: refuse,
    // and let the Publish tab list what to fix.
    const { doc } = state.post;
    const errors = entryIssues(
      entryFields(state.model, doc.collection, state.post.frontMatter, doc.path),
      state.post.frontMatter,
    ).filter((issue) => issue.severity === 'error');
    if (errors.length > 0) {
      dispatch({ type: 'publish-blocked', issues: errors });
      return;
    }
    // A data file is not a page: search and social checks do not apply to it.
    if (!options.ignoreSeo && doc.kind === 'post') {
      const blocking = seoErrors(state, checks);
      if (blocking.length > 0) {
        dispatch({ type: 'seo-blocked', checks: blocking });
        return;
      }
    }
    // Marked running at once (not when the queue reaches it) so a second press cannot start another.
    dispatch({ type: 'publish-start' });
    await enqueue(async () => {
      const payload = request(store.getState());
      if (!payload) return;
      const startEdits = edits();
      try {
        const result = await invoke('post:publish', payload);
        dispatch({ type: 'publish-done', result, stillDirty: edits() !== startEdits });
        saved(payload, edits() !== startEdits);
      } catch (error) {
        dispatch({ type: 'publish-failed', error: toAppError(error) });
        await adoptSavedVersion(payload, startEdits);
      }
      void loadPosts();
      void refreshSync();
    });
  }

  // A publish can fail after its save step wrote the file (e.g. the push was refused). The file then
  // has a new version; without adopting it the next save would be refused as "changed on disk".
  async function adoptSavedVersion(payload: SaveRequest, startEdits: number): Promise<void> {
    try {
      const disk = await invoke('post:read', { path: payload.path });
      if (
        disk.version !== payload.baseVersion &&
        disk.body === payload.body &&
        jsonEqual(disk.frontMatter, payload.frontMatter)
      ) {
        dispatch({ type: 'save-done', path: payload.path, version: disk.version, stillDirty: edits() !== startEdits });
        saved(payload, edits() !== startEdits);
      }
    } catch {
      // The publish error is already shown; a failed re-read leaves the state as it was.
    }
  }

  return { publish };
}
