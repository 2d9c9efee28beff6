/** Saving a post while keeping both sides of the save in local history (see local-saves.ts). */
import { readFile } from 'node:fs/promises';
import type { SaveRequest, SaveResult } from '../../shared/api';
import { normalizeRepoPath, resolveEntryPath } from '../workspace/paths';
import { fingerprint } from '../workspace/posts';
import type { LocalSaveStore } from './local-saves';

/**
 * Runs `save` and, when it wrote the file, keeps the text it replaced and the text it wrote.
 * Keeping history is a courtesy: if it fails the save still stands and is reported as saved.
 */
export async function saveKeepingHistory(
  store: LocalSaveStore | null,
  root: string,
  request: SaveRequest,
  isData: boolean,
  save: () => Promise<SaveResult>,
): Promise<SaveResult> {
  if (store === null) return save();
  const path = normalizeRepoPath(request.path);
  const absolute = await resolveEntryPath(root, path, isData);
  // Read before the save; it is what the save replaces only if it is the version the edits were
  // based on (a save over any other version is refused, or writes nothing).
  const before = await readText(absolute);
  const result = await save();
  if (!result.written) return result;
  try {
    const after = await readText(absolute);
    // Another write may have landed since; only the exact bytes this save produced are kept.
    if (after === null || after.version !== result.version) return result;
    const replaced = before !== null && before.version === request.baseVersion ? before.text : null;
    await store.recordSave(root, path, { replaced, written: after.text });
  } catch (error) {
    console.warn(`Masthead: saved “${path}”, but could not keep a copy in local history.`, error);
  }
  return result;
}

async function readText(absolute: string): Promise<{ text: string; version: string } | null> {
  try {
    const bytes = await readFile(absolute);
    return { text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes), version: fingerprint(bytes) };
  } catch {
    return null;
  }
}
