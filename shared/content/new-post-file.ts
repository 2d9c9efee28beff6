/**
 * The text of a brand-new post file. It is written through the same lossless patcher as every save,
 * starting from an empty front-matter block, so a new post looks exactly like one whose fields were
 * all added in the form (same quoting, indentation and key order rules).
 */
import type { FrontMatterData, FrontMatterFormat } from '../api';
import { updatePostFile } from './post-file';

const EMPTY_BLOCKS: Record<Exclude<FrontMatterFormat, 'none'>, string> = {
  yaml: '---\n---\n',
  toml: '+++\n+++\n',
  json: '{\n}\n',
};

/** A new post file in `format` holding `frontMatter` and `body` (LF line endings). */
export function createPostFile(
  format: Exclude<FrontMatterFormat, 'none'>,
  frontMatter: FrontMatterData,
  body: string,
): string {
  return updatePostFile(EMPTY_BLOCKS[format], { frontMatter, body });
}
