/** The workspace services: repositories, collections and post files on disk. */
export { writeFileAtomic } from './atomic-write';
export { findCollections, scanCollections, KNOWN_FOLDERS } from './collections';
export type { ScannedCollection } from './collections';
export { normalizeRepoPath, resolveInRepo, resolvePostPath } from './paths';
export { fingerprint, listPosts, readPost, savePost } from './posts';
export { openRepository } from './repository';
