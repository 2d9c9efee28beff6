#!/usr/bin/env node
// `npm run audit:electron`: Doyensec's electronegativity over the desktop shell (main/electron), the
// renderer and package.json. Every finding must be fixed or listed, with its reason, as a false
// positive in docs/security.md; anything else — or a file the scanner could not read — fails.
// Runs offline: the one check that downloads Electron's release list is left out (Electron is pinned,
// and upgrading it is a reviewed change), and the scanner's downloads are refused before they start.
import { cpSync, copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire, Module } from 'node:module';
import { tmpdir } from 'node:os';
import { isAbsolute, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
// The list of false positives; tests point MASTHEAD_AUDIT_DOC at a copy with a row missing.
const DOC = process.env.MASTHEAD_AUDIT_DOC || 'docs/security.md';
/** What is scanned: the code that runs in Electron, and the version it runs on. */
const SCANNED = ['main/electron', 'renderer', 'package.json'];
/** Needs the network (it fetches Electron's releases); class name, as electronegativity names checks. */
const OFFLINE_EXCLUDED = ['AvailableSecurityFixesGlobalCheck'];

/**
 * The documented false positives: rows `| \`CHECK_ID\` | \`file\` | reason |` of the table under the
 * "Electronegativity" heading of docs/security.md.
 */
export function documentedFalsePositives(markdown) {
  const section = /^## Electronegativity[^\n]*\n([\s\S]*?)(?=^## |(?![\s\S]))/m.exec(markdown)?.[1] ?? '';
  const rows = [];
  for (const line of section.split('\n')) {
    const row = /^\|\s*`([A-Z0-9_]+)`\s*\|\s*`([^`]+)`\s*\|\s*(.+?)\s*\|\s*$/.exec(line);
    if (row) rows.push({ id: row[1], file: row[2], reason: row[3] });
  }
  return rows;
}

/** Copies what is scanned into a fresh folder, so the scanner never walks node_modules or out/. */
function stage() {
  const dir = mkdtempSync(join(tmpdir(), 'masthead-electronegativity-'));
  for (const path of SCANNED) {
    if (path.endsWith('.json')) copyFileSync(join(ROOT, path), join(dir, path));
    // Stylesheets hold nothing electronegativity checks, and its parser does not read CSS.
    else cpSync(join(ROOT, path), join(dir, path), { recursive: true, filter: (file) => !file.endsWith('.css') });
  }
  return dir;
}

/**
 * electronegativity fetches translations and Electron's release list with `got`. The audit is
 * offline by design, so every such call is refused at once instead of reaching for the network
 * (which also saves the seconds its retries would wait).
 */
function keepOffline(require) {
  const gotPath = createRequire(require.resolve('@doyensec/electronegativity')).resolve('got');
  const refuse = () => Promise.reject(new Error('The Electron audit runs offline.'));
  const offlineGot = Object.assign(refuse, { head: refuse, get: refuse, post: refuse });
  const stand = new Module(gotPath);
  stand.filename = gotPath;
  stand.loaded = true;
  stand.exports = offlineGot;
  require.cache[gotPath] = stand;
}

async function main() {
  const require = createRequire(import.meta.url);
  keepOffline(require);
  const run = require('@doyensec/electronegativity');
  const documented = documentedFalsePositives(readFileSync(isAbsolute(DOC) ? DOC : join(ROOT, DOC), 'utf8'));
  const dir = stage();
  let result;
  // The scanner prints chatter (translations it cannot fetch offline); only its findings matter here.
  const log = console.log;
  console.log = () => {};
  try {
    result = await run({ input: dir, isRelative: true, excludeFromScan: OFFLINE_EXCLUDED });
  } finally {
    console.log = log;
    rmSync(dir, { recursive: true, force: true });
  }

  const unreadable = result.errors.filter((error) => !error.tolerable);
  const undocumented = [];
  const used = new Set();
  for (const issue of result.issues) {
    const where = `${issue.file}:${issue.location.line}:${issue.location.column}`;
    const entry = documented.find((row) => row.id === issue.id && row.file === issue.file);
    if (entry) {
      used.add(entry);
      console.log(`  ok   ${issue.id} ${where} — documented false positive: ${entry.reason}`);
    } else {
      undocumented.push(issue);
      console.log(
        `  FAIL ${issue.id} ${where} (${issue.severity.name}, ${issue.confidence.name}) ${issue.description}\n       ${issue.shortenedURL}`,
      );
    }
  }
  for (const error of unreadable) console.log(`  FAIL could not scan ${error.file}: ${error.message}`);
  for (const row of documented.filter((entry) => !used.has(entry))) {
    console.log(`  note ${row.id} in ${row.file} is listed in ${DOC} but no longer found; remove the row.`);
  }
  console.log(
    `electronegativity: ${result.globalChecks + result.atomicChecks} checks, ${result.issues.length} findings, ` +
      `${result.issues.length - undocumented.length} documented false positives, ${undocumented.length} undocumented, ${unreadable.length} unreadable files`,
  );
  if (undocumented.length > 0 || unreadable.length > 0) {
    console.log(`Fix each FAIL, or list it with its reason in ${DOC}.`);
    process.exitCode = 1;
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main()
    .catch((error) => {
      console.error(`The Electron audit could not run: ${error instanceof Error ? error.message : String(error)}`);
      process.exitCode = 1;
    })
    // Offline, the scanner's translation download can leave a lookup pending; the verdict is in.
    .finally(() => process.exit());
}
