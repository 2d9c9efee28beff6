import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoArgument } from '../../../../main/electron/launch-args';

describe('repoArgument', () => {
  it('reads --repo DIR and --repo=DIR, relative to the working directory', () => {
    expect(repoArgument(['/usr/bin/electron', '.', '--repo', 'blog'], '/home/w')).toBe(resolve('/home/w/blog'));
    expect(repoArgument(['Masthead', '--repo=/srv/blog'], '/home/w')).toBe(resolve('/srv/blog'));
  });

  it('is null without a usable value', () => {
    expect(repoArgument(['/usr/bin/electron', '.'], '/home/w')).toBeNull();
    expect(repoArgument(['electron', '.', '--repo'], '/home/w')).toBeNull();
    expect(repoArgument(['electron', '.', '--repo', '--inspect'], '/home/w')).toBeNull();
    expect(repoArgument(['electron', '.', '--repo='], '/home/w')).toBeNull();
  });
});
