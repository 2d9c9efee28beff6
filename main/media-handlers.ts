/**
 * The back end's requests about a post's place in the site: its SEO context and the writer's SEO
 * field mapping, and the images it uses (their facts, importing one, the ones a publish takes
 * along): the part of the request table backend.ts hands to seo-service.ts and main/workspace/.
 */
import type { Handlers, RepoSummary } from '../shared/api';
import type { ContentService } from './content-service';
import { mediaInfo, seoContext, setSeoMapping } from './seo-service';
import type { SettingsStore } from './settings';
import { importMedia, siteGenerator } from './workspace/media-import';
import { normalizeRepoPath } from './workspace/paths';
import { addedMedia } from './workspace/post-media';
import { readSiteConventions } from './workspace/site-conventions';

/** What these requests need from the back end: the open repository, its content index, the settings. */
export interface MediaHandlerDeps {
  requireRepo: () => RepoSummary;
  requireContent: () => ContentService;
  settings: SettingsStore;
}

type MediaRequest = 'seo:context' | 'seo:set-mapping' | 'media:info' | 'media:import' | 'media:added';

/** The SEO and image requests. */
export function mediaHandlers({
  requireRepo,
  requireContent,
  settings,
}: MediaHandlerDeps): Pick<Handlers, MediaRequest> {
  return {
    async 'seo:context'({ path, known }) {
      return seoContext(requireRepo().path, requireContent(), settings, path, known ?? null);
    },

    async 'seo:set-mapping'(arg) {
      await setSeoMapping(settings, requireRepo().path, arg.collection, arg.mapping);
      return null;
    },

    async 'media:info'(arg) {
      return mediaInfo(requireRepo().path, arg.post, arg.src);
    },

    async 'media:import'({ post, name, data, mediaFolder, publicFolder, forField }) {
      const root = requireRepo().path;
      const model = await requireContent().model();
      const generator = await siteGenerator(root, await readSiteConventions(root), model);
      const field = {
        ...(mediaFolder === undefined ? {} : { mediaFolder }),
        ...(publicFolder === undefined ? {} : { publicFolder }),
        ...(forField ? { forField } : {}),
      };
      return importMedia(root, model, generator, { post, name, bytes: Buffer.from(data, 'base64'), field });
    },

    async 'media:added'({ path, frontMatter, body }) {
      return addedMedia(requireRepo().path, normalizeRepoPath(path), frontMatter, body);
    },
  };
}
