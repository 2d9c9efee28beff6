/**
 * One YAML, TOML or JSON mapping as text: parsing it, and the texts to try when it must hold new
 * data. Shared by front matter blocks (post-file.ts) and whole data files (data-file.ts), so both
 * patch in place with the same patchers and fall back to the same rewrites.
 */
import type { FrontMatterData } from '../api';
import { parseJsonFrontMatter, patchJson } from './json-front-matter';
import { inFileOrder, jsonEqual } from './json-values';
import type { JsonObject } from './json-values';
import { parseTomlFrontMatter, patchToml, tomlRewrite } from './toml-front-matter';
import { parseYamlFrontMatter, yamlDocumentRewrite, yamlFreshRewrite } from './yaml-front-matter';
import { patchYaml } from './yaml-patch';

/** The syntaxes a mapping of fields can be written in. */
export type BlockFormat = 'yaml' | 'toml' | 'json';

/**
 * Parses a mapping. YAML and TOML sources must use LF line endings; `firstLine` is the file line
 * the source starts on, so errors name file lines.
 */
export function parseBlock(format: BlockFormat, source: string, firstLine: number): FrontMatterData {
  switch (format) {
    case 'yaml':
      return parseYamlFrontMatter(source, firstLine);
    case 'toml':
      return parseTomlFrontMatter(source, firstLine);
    case 'json':
      return parseJsonFrontMatter(source, firstLine);
  }
}

/**
 * Texts (LF) for `source` (LF, holding `before`) to hold `after`, best first: the in-place patch,
 * then the lossier rewrites. A generator, so the rewrites are only computed when the caller finds
 * that the patch does not read back. A strategy that throws or gives up is skipped.
 */
export function* blockCandidates(
  format: BlockFormat,
  source: string,
  before: JsonObject,
  after: JsonObject,
): Generator<string> {
  const attempts: Array<() => string | null> = [];
  switch (format) {
    case 'yaml':
      attempts.push(
        () => patchYaml(source, before, after),
        () => yamlDocumentRewrite(source, before, after),
        () => yamlFreshRewrite(source, before, after),
      );
      break;
    case 'toml':
      attempts.push(
        () => patchToml(source, before, after),
        () => tomlRewrite(source, before, after),
      );
      break;
    case 'json':
      attempts.push(
        () => patchJson(source, before, after),
        () => JSON.stringify(inFileOrder(before, after), null, 2),
      );
      break;
  }
  for (const attempt of attempts) {
    let text: string | null;
    try {
      text = attempt();
    } catch {
      // A strategy that trips over an unusual document must not block the next one.
      text = null;
    }
    if (text !== null) yield text;
  }
}

/** True when `text` parses (with `parse`) to exactly `data`; a parse failure is simply false. */
export function readsBackAs(text: string, data: JsonObject, parse: (text: string) => JsonObject): boolean {
  try {
    return jsonEqual(parse(text), data);
  } catch {
    return false;
  }
}
