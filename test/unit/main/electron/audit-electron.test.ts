// `npm run audit:electron` (bin/audit-electron.mjs): electronegativity over the desktop shell, failing on
// any finding docs/security.md does not list as a false positive.
import { execFile } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '../workspace/temp-dir';

const root = join(__dirname, '../../../..');
const dir = makeTempDir();
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs the audit with `doc` as the list of false positives; resolves with its exit code and output. */
async function audit(doc: string): Promise<{ code: number; output: string }> {
  try {
    const { stdout } = await promisify(execFile)(process.execPath, ['bin/audit-electron.mjs'], {
      cwd: root,
      env: { ...process.env, MASTHEAD_AUDIT_DOC: doc },
    });
    return { code: 0, output: stdout };
  } catch (error) {
    const failed = error as { code: number; stdout: string };
    return { code: failed.code, output: failed.stdout };
  }
}

describe('the Electron audit', () => {
  it('passes with every finding documented, and fails naming a finding whose row is missing', async () => {
    const doc = readFileSync(join(root, 'docs/security.md'), 'utf8');
    const withoutSandboxRow = join(dir, 'security.md');
    writeFileSync(withoutSandboxRow, doc.replace(/^\| `SANDBOX_JS_CHECK` .*\n/m, ''));
    const [documented, missing] = await Promise.all([audit('docs/security.md'), audit(withoutSandboxRow)]);

    expect(documented.code, documented.output).toBe(0);
    expect(documented.output).toMatch(/0 undocumented, 0 unreadable files\n/);
    expect(documented.output).toContain('ok   SANDBOX_JS_CHECK main/electron/window.ts');

    expect(missing.code).toBe(1);
    expect(missing.output).toContain('FAIL SANDBOX_JS_CHECK main/electron/window.ts');
    expect(missing.output).toMatch(/1 undocumented, 0 unreadable files\n/);
  });
});
