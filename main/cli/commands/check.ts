/**
 * `masthead check`: validates every entry of a site against its content model (the site's Decap or
 * Front Matter CMS config, or the model inferred from its posts), for a site's own CI.
 */
import { existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parsePostFile } from '../../../shared/content/post-file';
import { toAppError } from '../../../shared/errors';
import { checkSite, formatReport, type SeoCheckSources } from '../../check';
import { createFontMeasure, fontsDirOf } from '../../font-measure';
import { listSiteFiles, mediaInfo, readSiteImage } from '../../seo-service';
import { loadContentIndex } from '../../workspace/content-index';
import { EXIT_USAGE, oneLine, type CliContext, type Command } from '../context';
import { parseCommandLine } from '../parse';

const USAGE = `Usage: masthead check [repo] [--json]

Loads the site's content model (its Decap CMS or Front Matter CMS config, or one inferred from the
posts when there is none), validates every entry, runs the SEO checks the app shows before
publishing, and prints each file's problems and a summary
line: "N entries, N errors, N warnings". repo defaults to the current folder.

Options:
  --json       Print the report as JSON instead
  --no-seo     Skip the SEO checks (title, description, canonical URL, social image, body)
  -h, --help   Show this help

Exits with 1 when there is any error (warnings alone exit 0), 2 when the command line is wrong.`;

interface CheckArgs {
  json?: boolean;
  'no-seo'?: boolean;
  help?: boolean;
}

/** The `check` command. */
export const checkCommand: Command = {
  name: 'check',
  summary: 'Validate every post against the site’s content model (for CI)',
  usage: USAGE,
  run: runCheck,
};

async function runCheck(args: string[], context: CliContext): Promise<number> {
  const parsed = parseCommandLine<CheckArgs>(
    args,
    { json: { type: 'boolean' }, 'no-seo': { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
    true,
  );
  if (!parsed.ok) {
    context.err(`masthead check: ${parsed.message} Run "masthead check --help" for the options.`);
    return EXIT_USAGE;
  }
  if (parsed.values.help) {
    context.out(USAGE);
    return 0;
  }
  if (parsed.positionals.length > 1) {
    context.err('masthead check: give at most one repository folder.');
    return EXIT_USAGE;
  }
  const root = resolve(context.cwd, parsed.positionals[0] ?? '.');
  if (!(await isFolder(root))) {
    context.err(`masthead check: there is no folder at “${root}”.`);
    return EXIT_USAGE;
  }
  let report;
  try {
    const index = await loadContentIndex(root);
    report = await checkSite(
      index,
      parsed.values['no-seo'] ? undefined : await seoSources(root, context.appRoot),
      (path) => readFile(join(root, path)).catch(() => null),
    );
  } catch (error) {
    context.err(`masthead check: ${oneLine(toAppError(error).message)}`);
    return 1;
  }
  if (parsed.values.json) context.out(JSON.stringify(report, null, 2));
  else for (const line of formatReport(report)) context.out(line);
  return report.errors > 0 ? 1 : 0;
}

/** Bodies, files and images for the SEO checks, read from the repository on disk. */
async function seoSources(root: string, appRoot: string): Promise<SeoCheckSources> {
  const siteImage = await readSiteImage(root);
  return {
    ...(siteImage === null ? {} : { siteImage }),
    // git's list, or a walk of the folder when it is not a git checkout (a site's CI may run on an export).
    existingPaths: await listSiteFiles(root),
    readBody: async (path) => {
      try {
        return parsePostFile(await readFile(join(root, path), 'utf8')).body;
      } catch {
        return null;
      }
    },
    imageInfo: (postPath, src) => mediaInfo(root, postPath, src),
    // Without the bundled fonts (a partial install) the checks count characters only.
    ...(existsSync(fontsDirOf(appRoot)) ? { measure: createFontMeasure(fontsDirOf(appRoot)) } : {}),
  };
}

async function isFolder(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
}
