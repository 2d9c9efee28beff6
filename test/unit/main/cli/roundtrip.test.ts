import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mirroredPaths, roundtripCommand } from '../../../../main/cli/commands/roundtrip';
import { roundtripPostText } from '../../../../main/cli/roundtrip-post';
import type { CliContext } from '../../../../main/cli/context';
import { runCli } from '../../../../main/cli/run';

const BODY = `# Harbour log

Some *emphasis*, __strong__, \`code\` and a [link][harbour].

* one
* two
    * nested with four spaces

| Tide | Time |
|:-----|-----:|
| high | 06:12 |

{{< figure src="/img/lamp.jpg" >}}

[harbour]: https://example.com/harbour  "The harbour"
`;

/** One fixture per front-matter format and file layout the command must keep byte for byte. */
const FIXTURES: Record<string, string> = {
  'yaml.md': `---\ntitle: "Lamp log"   # keep this comment\ntags: [sea, light]\ndate: 2026-03-14\n---\n${BODY}`,
  'toml.md': `+++\ntitle = 'Lamp log'\ndraft = true\n[params]\n  mood = "calm"\n+++\n\n${BODY}`,
  'json.md': `{\n  "title": "Lamp log",\n  "tags": ["sea"]\n}\n${BODY}`,
  'crlf.md': `---\r\ntitle: Lamp log\r\n---\r\n${BODY.replace(/\n/g, '\r\n')}`,
  'bom.md': `\uFEFF---\ntitle: Lamp log\n---\n${BODY}`,
  'no-front-matter.md': BODY,
  'no-final-newline.md': `---\ntitle: x\n---\n${BODY.trimEnd()}`,
};

let root: string;

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'masthead-roundtrip-'));
  for (const [name, text] of Object.entries(FIXTURES)) writeFileSync(join(root, name), text);
  writeFileSync(join(root, 'broken.md'), '---\ntitle: [unclosed\n---\nBody.\n');
  writeFileSync(join(root, 'latin1.md'), Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x0a]));
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

/** A context that records what the command prints, exactly as written. */
function context() {
  const out: string[] = [];
  const err: string[] = [];
  let stdout = '';
  const ctx: CliContext = {
    out: (line) => {
      out.push(line);
      stdout += `${line}\n`;
    },
    write: (text) => {
      stdout += text;
    },
    err: (line) => err.push(line),
    env: {},
    cwd: root,
    appRoot: resolve('.'),
    shutdown: new AbortController().signal,
  };
  return { ctx, out, err, stdout: () => stdout };
}

describe('masthead roundtrip <file>', () => {
  it.each(Object.keys(FIXTURES))('prints %s byte for byte', async (name) => {
    const { ctx, err, stdout } = context();
    expect(await roundtripCommand.run([name], ctx)).toBe(0);
    expect(err).toEqual([]);
    expect(stdout()).toBe(FIXTURES[name]);
  });

  it('is reachable through the command line', async () => {
    const { ctx, stdout } = context();
    expect(await runCli(['roundtrip', join(root, 'crlf.md')], ctx)).toBe(0);
    expect(stdout()).toBe(FIXTURES['crlf.md']);
  });

  it('names a missing file on stderr and exits 1', async () => {
    const { ctx, err, stdout } = context();
    expect(await roundtripCommand.run(['nowhere.md'], ctx)).toBe(1);
    expect(stdout()).toBe('');
    expect(err).toHaveLength(1);
    expect(err[0]).toMatch(/^masthead roundtrip: nowhere\.md: .*does not exist/);
  });

  it('names a file with malformed front matter and says what is wrong', async () => {
    const { ctx, err } = context();
    expect(await roundtripCommand.run(['broken.md'], ctx)).toBe(1);
    expect(err).toHaveLength(1);
    expect(err[0]).toMatch(/^masthead roundtrip: broken\.md: \S/);
    expect(err[0]).not.toContain('\n');
  });

  it('refuses text that is not UTF-8 instead of decoding it lossily', async () => {
    const { ctx, err } = context();
    expect(await roundtripCommand.run(['latin1.md'], ctx)).toBe(1);
    expect(err).toEqual([
      'masthead roundtrip: latin1.md: it is not UTF-8 text, which Masthead cannot edit without damaging it.',
    ]);
  });

  it('asks for --out-dir when given several files, and for a file when given none', async () => {
    const several = context();
    expect(await roundtripCommand.run(['yaml.md', 'toml.md'], several.ctx)).toBe(2);
    expect(several.err[0]).toMatch(/--out-dir/);
    const none = context();
    expect(await roundtripCommand.run([], none.ctx)).toBe(2);
    expect(none.err[0]).toMatch(/name the post file/);
  });

  it('prints its help', async () => {
    const { ctx, out } = context();
    expect(await roundtripCommand.run(['--help'], ctx)).toBe(0);
    expect(out.join('\n')).toMatch(/^Usage: masthead roundtrip <file>/);
  });
});

describe('masthead roundtrip --out-dir DIR <file>...', () => {
  it('writes every result byte for byte into a new folder', async () => {
    const { ctx, err } = context();
    const names = Object.keys(FIXTURES);
    expect(await roundtripCommand.run(['--out-dir', 'out/all', ...names], ctx)).toBe(0);
    expect(err).toEqual([]);
    for (const name of names) expect(readFileSync(join(root, 'out/all', name), 'utf8')).toBe(FIXTURES[name]);
    // Written atomically: no temp files are left behind.
    expect(readdirSync(join(root, 'out/all')).sort()).toEqual([...names].sort());
  });

  it('still writes the other files when one fails, names it on stderr and exits 1', async () => {
    const { ctx, err } = context();
    expect(
      await roundtripCommand.run(['--out-dir', 'out/mixed', 'yaml.md', 'broken.md', 'missing.md', 'bom.md'], ctx),
    ).toBe(1);
    expect(readFileSync(join(root, 'out/mixed/yaml.md'), 'utf8')).toBe(FIXTURES['yaml.md']);
    expect(readFileSync(join(root, 'out/mixed/bom.md'), 'utf8')).toBe(FIXTURES['bom.md']);
    expect(existsSync(join(root, 'out/mixed/broken.md'))).toBe(false);
    expect(existsSync(join(root, 'out/mixed/missing.md'))).toBe(false);
    expect(err).toHaveLength(2);
    expect(err[0]).toMatch(/^masthead roundtrip: broken\.md: /);
    expect(err[1]).toMatch(/^masthead roundtrip: missing\.md: .*does not exist/);
  });

  it('refuses the same file named twice instead of writing it twice', async () => {
    const { ctx, err } = context();
    expect(await roundtripCommand.run(['--out-dir', 'out/same', 'yaml.md', join(root, 'yaml.md')], ctx)).toBe(1);
    expect(err).toHaveLength(1);
    expect(err[0]).toContain('is the same file as yaml.md');
    expect(readFileSync(join(root, 'out/same/yaml.md'), 'utf8')).toBe(FIXTURES['yaml.md']);
  });

  it('mirrors relative paths, so page bundles (all index.md) each get their own result', async () => {
    const { ctx, err } = context();
    const bundles = {
      'content/blog/first/index.md': FIXTURES['yaml.md'] as string,
      'content/blog/second/index.md': FIXTURES['bom.md'] as string,
    };
    for (const [path, text] of Object.entries(bundles)) {
      mkdirSync(join(root, dirname(path)), { recursive: true });
      writeFileSync(join(root, path), text);
    }
    expect(await roundtripCommand.run(['--out-dir', 'out/bundles', ...Object.keys(bundles)], ctx)).toBe(0);
    expect(err).toEqual([]);
    for (const [path, text] of Object.entries(bundles))
      expect(readFileSync(join(root, 'out/bundles', path), 'utf8')).toBe(text);
  });
});

describe('mirroredPaths', () => {
  it('keeps paths from the current folder, or from the folder the inputs share when some lie outside it', () => {
    expect(mirroredPaths(['/site/content/a/index.md', '/site/content/b/index.md'], '/site')).toEqual([
      'content/a/index.md',
      'content/b/index.md',
    ]);
    expect(mirroredPaths(['/elsewhere/blog/a/index.md', '/elsewhere/blog/b/index.md'], '/site')).toEqual([
      'a/index.md',
      'b/index.md',
    ]);
    expect(mirroredPaths(['/x/one.md', '/y/two.md'], '/site')).toEqual(['x/one.md', 'y/two.md']);
  });
});

describe('roundtripPostText', () => {
  it('returns the very same text for an unchanged post', () => {
    for (const text of Object.values(FIXTURES)) expect(roundtripPostText(text)).toBe(text);
  });
});
