/**
 * A post's History: its commits (followed across renames) and its local saves, merged newest
 * first, and any one version read back and parsed as the editor opens a post. Reading history
 * never writes: restoring a version is the editor's business (an unsaved edit).
 */
import type { PostVersion, PostVersionContent } from '../../shared/api';
import { parseDataFile, type DataFormat } from '../../shared/content/data-file';
import { parsePostFile } from '../../shared/content/post-file';
import { fail } from '../../shared/errors';
import { fileHistory, showFileAt } from '../git/index';
import { normalizeRepoPath } from '../workspace/paths';
import type { LocalSaveStore } from './local-saves';

const COMMIT_ID = /^commit:([0-9a-f]{40}|[0-9a-f]{64}):(.+)$/s;
const SAVE_ID = /^save:(\d{1,15})$/;

/** The post's versions, newest first: commits and local saves interleaved by date. */
export async function postHistory(root: string, path: string, store: LocalSaveStore | null): Promise<PostVersion[]> {
  const normal = normalizeRepoPath(path);
  const [commits, saves] = await Promise.all([
    fileHistory(root, normal),
    store ? store.list(root, normal) : Promise.resolve([]),
  ]);
  const versions: PostVersion[] = [
    ...commits.map((commit): PostVersion => ({
      kind: 'commit',
      id: `commit:${commit.commit}:${commit.path}`,
      date: commit.date,
      commit: commit.commit,
      shortCommit: commit.shortCommit,
      author: commit.author,
      message: commit.subject,
      path: commit.path,
    })),
    ...saves.map((save): PostVersion => ({ kind: 'save', id: `save:${save.id}`, date: save.savedAt, role: save.role })),
  ];
  // Stable: each source is already newest first, so equal dates keep their own order.
  return versions
    .map((version, order) => ({ version, order, time: Date.parse(version.date) }))
    .sort((a, b) =>
      Number.isNaN(b.time) || Number.isNaN(a.time) ? a.order - b.order : b.time - a.time || a.order - b.order,
    )
    .map(({ version }) => version);
}

/** One version's content, by the id 'post:history' gave it. Throws 'not-found' when it is gone. */
export async function postVersion(
  root: string,
  path: string,
  id: string,
  store: LocalSaveStore | null,
  dataFormat: DataFormat | null,
): Promise<PostVersionContent> {
  const normal = normalizeRepoPath(path);
  const text = await versionText(root, normal, id, store);
  if (text === null) {
    throw fail(
      'not-found',
      'That version is no longer available (the oldest local saves are let go to keep history small). Choose another version.',
    );
  }
  return parseVersion(id, text, dataFormat);
}

/** The post as HEAD has it, parsed; null when it was never committed (or there is no commit yet). */
export async function committedPost(
  root: string,
  path: string,
  dataFormat: DataFormat | null,
): Promise<PostVersionContent | null> {
  const normal = normalizeRepoPath(path);
  const text = await showFileAt(root, 'HEAD', normal);
  return text === null ? null : parseVersion('head', text, dataFormat);
}

async function versionText(
  root: string,
  path: string,
  id: string,
  store: LocalSaveStore | null,
): Promise<string | null> {
  const commit = COMMIT_ID.exec(id);
  if (commit) return showFileAt(root, commit[1]!, normalizeRepoPath(commit[2]!));
  const save = SAVE_ID.exec(id);
  if (save) return store ? store.read(root, path, save[1]!) : null;
  throw fail('bad-request', `“${id.slice(0, 80)}” is not a version of this post.`);
}

/** Parses a version's text the way the editor reads the file today. */
function parseVersion(id: string, text: string, dataFormat: DataFormat | null): PostVersionContent {
  try {
    if (dataFormat !== null) return { id, frontMatter: parseDataFile(text, dataFormat), body: '' };
    const { data, body } = parsePostFile(text);
    return { id, frontMatter: data, body };
  } catch (error) {
    throw fail(
      'invalid-front-matter',
      'This version’s front matter cannot be read, so it cannot be compared or restored. Choose another version.',
      error instanceof Error ? error.message : String(error),
    );
  }
}
