/** Temp folders for the CLI tests: a small content repository, a fake built renderer, a config dir. */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Everything a `masthead web` run needs, under one temp folder. */
export interface CliFixture {
  root: string;
  /** A git work tree with one committed post. */
  repo: string;
  /** A folder that exists but is not a repository. */
  plainFolder: string;
  /** Stands in for out/renderer. */
  rendererDir: string;
  configDir: string;
  cleanup(): void;
}

const POST = `---
title: "Hello from the fixture"
date: 2026-02-01
draft: false
---

The first paragraph.
`;

/** Creates the fixture folders. */
export function createCliFixture(): CliFixture {
  const root = mkdtempSync(join(tmpdir(), 'masthead-cli-'));
  const repo = join(root, 'blog');
  mkdirSync(join(repo, 'content', 'posts'), { recursive: true });
  writeFileSync(join(repo, 'content', 'posts', 'hello.md'), POST);
  const git = (...args: string[]) =>
    execFileSync(
      'git',
      ['-c', 'user.name=Fixture', '-c', 'user.email=fixture@example.invalid', '-c', 'commit.gpgsign=false', ...args],
      {
        cwd: repo,
        stdio: 'ignore',
        env: { ...process.env, GIT_TERMINAL_PROMPT: '0' },
      },
    );
  git('init', '-q', '-b', 'main');
  git('add', '.');
  git('commit', '-q', '-m', 'First post');

  const plainFolder = join(root, 'plain');
  mkdirSync(plainFolder);
  const rendererDir = join(root, 'renderer');
  mkdirSync(rendererDir);
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Masthead</title><p>fixture page</p>');
  const configDir = join(root, 'config');
  return {
    root,
    repo,
    plainFolder,
    rendererDir,
    configDir,
    cleanup: () => rmSync(root, { recursive: true, force: true }),
  };
}
