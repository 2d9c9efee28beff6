import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { askPassLaunch, packagedAskPassDir } from '../../../../main/electron/askpass-mode';

const dir = packagedAskPassDir('/opt/Masthead/resources');
const script = join('/opt/Masthead/resources', 'askpass', 'askpass.mjs');
const prompt = "Username for 'https://git.example.org': ";
const env = { MASTHEAD_ASKPASS_PORT: '41234' };

describe('askPassLaunch', () => {
  it('recognises git running the app’s own askpass helper through the trampoline', () => {
    expect(askPassLaunch(['/opt/Masthead/masthead', script, prompt], env, dir)).toBe(script);
    expect(
      askPassLaunch(
        ['/opt/Masthead/masthead', '/opt/Masthead/resources/askpass/../askpass/askpass.mjs', prompt],
        env,
        dir,
      ),
    ).toBe(script);
  });

  it('is an ordinary launch without the askpass channel, or for any other script', () => {
    expect(askPassLaunch(['/opt/Masthead/masthead', script, prompt], {}, dir)).toBeNull();
    expect(askPassLaunch(['/opt/Masthead/masthead'], env, dir)).toBeNull();
    expect(askPassLaunch(['/opt/Masthead/masthead', '/tmp/askpass.mjs', prompt], env, dir)).toBeNull();
    expect(askPassLaunch(['/opt/Masthead/masthead', '--repo', '/home/ada/blog'], env, dir)).toBeNull();
  });
});
