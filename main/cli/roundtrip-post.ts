/**
 * A whole post file through the editor's open-and-save path with no edits. Kept apart from the
 * `roundtrip` command so the document model (Lexical, micromark) is loaded only when that command
 * runs, not on every `masthead` start.
 */
import { parsePostFile, updatePostFile } from '../../shared/content/post-file';
import { roundtripMarkdown } from '../../shared/document';
// Imported from the MDX syntax itself so `.mdx` posts parse synchronously here (see syntax-slot.ts).
import { isMdxPath } from '../../shared/document/constructs/mdx/syntax';

/**
 * A whole post file as the editor would save it without edits: the front matter data and the
 * body are read, the body goes through the document model, and both are written back. `path`
 * picks the dialect as the editor does (an `.mdx` file is read as MDX).
 */
export function roundtripPostText(text: string, path = ''): string {
  const { data, body } = parsePostFile(text);
  return updatePostFile(text, { frontMatter: data, body: roundtripMarkdown(body, { mdx: isMdxPath(path) }) });
}
