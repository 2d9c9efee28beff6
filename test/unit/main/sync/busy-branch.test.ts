// A branch several people push to: once a publish had to pull others' commits first, the next one
// fetches while it saves and commits, so its push is not refused for lack of their commits. The
// remote's upload-pack (fetches) and receive-pack (pushes, refused ones too) are wrapped to count
// how often the publish reached them.
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { FILE, OTHER_POST, OTHER_TEXT, POST, runScenarios, type Scenario, type SyncWorld } from './sync-fixtures';

/** Counts the writer's connections to the remote, by kind, from now on. */
function countConnections(w: SyncWorld): () => { fetches: number; pushes: number } {
  for (const [program, config] of [
    ['upload-pack', 'remote.origin.uploadpack'],
    ['receive-pack', 'remote.origin.receivepack'],
  ] as const) {
    const wrapper = join(w.repo.root, `${program}.sh`);
    writeFileSync(
      wrapper,
      `#!/bin/sh\necho ${program} >> '${join(w.repo.root, 'connections.log')}'\nexec git-${program} "$@"\n`,
    );
    chmodSync(wrapper, 0o755);
    w.repo.git('config', config, wrapper);
  }
  const log = join(w.repo.root, 'connections.log');
  let seen = { fetches: 0, pushes: 0 };
  return () => {
    const lines = existsSync(log) ? readFileSync(log, 'utf8').trim().split('\n') : [];
    const total = {
      fetches: lines.filter((line) => line === 'upload-pack').length,
      pushes: lines.filter((line) => line === 'receive-pack').length,
    };
    const since = { fetches: total.fetches - seen.fetches, pushes: total.pushes - seen.pushes };
    seen = total;
    return since;
  };
}

const scenarios: Scenario[] = [
  [
    'others pushed before the last publish too: the next one fetches while committing and pushes once; a quiet branch goes back to pushing at once',
    FILE,
    async (w) => {
      const connections = countConnections(w);
      w.othersPush({ [OTHER_POST]: OTHER_TEXT.replace('knot by knot', 'knot after knot') }, 'Reword nets');
      const first = await w.publish(POST, { title: 'Harbour Lights, First' });
      expect(first).toMatchObject({ pushed: true, caughtUp: '1 change from others was pulled first.' });
      // Nothing told the publish about their commit: its push was refused, then it fetched and pushed again.
      expect(connections()).toEqual({ fetches: 1, pushes: 2 });

      w.othersPush({ 'config.toml': 'title = "Quay Notes"\nlanguage = "en"\n' }, 'Set the language');
      const second = await w.publish(POST, { title: 'Harbour Lights, Second' });
      expect(second).toMatchObject({ pushed: true, caughtUp: '1 change from others was pulled first.' });
      expect(connections()).toEqual({ fetches: 1, pushes: 1 });
      expect(w.remoteSubjects()).toEqual([
        'Publish: Harbour Lights, Second',
        'Set the language',
        'Publish: Harbour Lights, First',
        'Reword nets',
        'Initial commit',
      ]);
      expect(w.remoteFile(POST)).toBe(w.read(POST));
      expect(w.read('config.toml')).toContain('language = "en"');

      // Nobody pushed this time: the fetch alongside finds nothing, and the branch counts as quiet again.
      const third = await w.publish(POST, { title: 'Harbour Lights, Third' });
      expect(third.pushed).toBe(true);
      expect(third.caughtUp).toBeUndefined();
      expect(connections()).toEqual({ fetches: 1, pushes: 1 });
      const fourth = await w.publish(POST, { title: 'Harbour Lights, Fourth' });
      expect(fourth.pushed).toBe(true);
      expect(connections()).toEqual({ fetches: 0, pushes: 1 });
      expect(w.remoteSubjects()[0]).toBe('Publish: Harbour Lights, Fourth');
      w.expectNoOperationLeft();
    },
  ],
  [
    'the fetch alongside the commit cannot reach the remote: published locally, queued, nothing lost',
    FILE,
    async (w) => {
      w.othersPush({ [OTHER_POST]: OTHER_TEXT.replace('knot by knot', 'knot after knot') }, 'Reword nets');
      expect(await w.publish(POST, { title: 'Harbour Lights, Online' })).toMatchObject({ pushed: true });
      await w.goOffline();
      const offline = await w.publish(POST, { title: 'Harbour Lights, On the Train' });
      expect(offline).toMatchObject({ pushed: false, committed: true });
      expect(w.repo.git('log', '-1', '--format=%s').trim()).toBe('Publish: Harbour Lights, On the Train');
      expect(w.remoteSubjects()[0]).toBe('Publish: Harbour Lights, Online');
      w.goOnline();
      const back = await w.publish(POST, { title: 'Harbour Lights, Home' });
      expect(back.pushed).toBe(true);
      expect(w.remoteSubjects().slice(0, 2)).toEqual([
        'Publish: Harbour Lights, Home',
        'Publish: Harbour Lights, On the Train',
      ]);
      w.expectNoOperationLeft();
    },
  ],
];

runScenarios('a branch others push to', scenarios);
