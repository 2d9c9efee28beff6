import { describe, expect, it } from 'vitest';
import { checkedHandlers, parseArg } from '../../../main/request-checks';
import { REQUEST_NAMES, requests, type Handlers, type RequestName } from '../../../shared/api';
import { MAX_JSON_DEPTH } from '../../../shared/api/json';

const save = { path: 'content/posts/a.md', baseVersion: 'v1', frontMatter: { title: 'A' }, body: 'Text\n' };

/** Parses `arg` as request `name` would be, returning the refusal's message ('' when it was accepted). */
function refusal(name: RequestName, arg: unknown): string {
  try {
    parseArg(name, requests[name].arg, arg);
    return '';
  } catch (error) {
    expect(error).toMatchObject({ code: 'bad-request' });
    return (error as Error).message;
  }
}

function nested(depth: number): Record<string, unknown> {
  const top: Record<string, unknown> = {};
  let level = top;
  for (let i = 0; i < depth; i++) level = (level.next = {}) as Record<string, unknown>;
  return top;
}

describe('parseArg', () => {
  // Each row: a request, a malformed argument, and the field the refusal must name.
  const malformed: [RequestName, unknown, RegExp][] = [
    ['app:info', { sneaky: true }, /takes no argument/],
    ['repo:open', null, /expected an object with a “path”/],
    ['repo:open', [{ path: 'a' }], /expected an object with a “path”/],
    ['repo:open', {}, /“path” is missing/],
    ['repo:open', { path: 7 }, /“path” must be a string/],
    ['repo:open', { path: '' }, /“path” is empty/],
    ['post:read', { path: 'x'.repeat(4097) }, /“path” is too long/],
    ['post:save', { ...save, baseVersion: 42 }, /“baseVersion” must be a string/],
    ['post:save', { ...save, body: undefined }, /“body” must be a string/],
    ['post:save', { ...save, frontMatter: [] }, /“frontMatter” must be an object of JSON values/],
    ['post:save', { ...save, frontMatter: { when: new Date(0) } }, /“frontMatter”/],
    ['post:save', { ...save, frontMatter: { n: Infinity } }, /“frontMatter”/],
    ['post:save', { ...save, frontMatter: nested(MAX_JSON_DEPTH + 2) }, /“frontMatter”/],
    ['post:publish', Object.assign(Object.create({ polluted: true }) as object, save), /expected an object/],
    ['journal:write', { ...save, editedAt: 'last Tuesday' }, /“editedAt” must be an ISO timestamp/],
    ['post:recreate', { ...save, format: 'xml' }, /“format” must be yaml, toml, json or none/],
    ['post:save-raw', { path: 'a.md', baseVersion: 'v', text: 5 }, /“text” must be a string/],
    ['post:version', { path: 'a.md' }, /“id” is missing/],
    ['post:create', { collection: '', title: 'T' }, /“collection” is empty/],
    ['post:translate', { path: 'a.md', locale: 3 }, /“locale” must be a string/],
    ['relation:options', { collection: 'authors', valueField: 'id', searchFields: 'name' }, /“searchFields”/],
    [
      'relation:options',
      { collection: 'a', valueField: 'id', searchFields: Array(21).fill('f'), displayFields: [], query: '' },
      /“searchFields” must be a short list of field names/,
    ],
    ['seo:set-mapping', { collection: 'blog', mapping: { title: 5 } }, /“mapping.title” must be a string/],
    ['seo:set-mapping', { collection: 'blog', mapping: ['title'] }, /“mapping” must be an object/],
    ['media:info', { post: 'a.md' }, /“src” is missing/],
    ['media:import', { post: 'a.md', name: 'a.png', data: 'abc' }, /“data” is not valid base64/],
    ['media:import', { post: 'a.md', name: 'a.png', data: 'iVBORw==', forField: 'yes' }, /“forField” must be true/],
    ['media:added', { path: 'a.md', frontMatter: {} }, /“body” is missing/],
    ['post:resolve-merge', { path: 'a.md', choices: { b1: 'ours' } }, /“choices.b1” must be "mine", "theirs"/],
    ['post:resolve-merge', { path: 'a.md', choices: [] }, /“choices” must be an object of conflict ids/],
    ['credentials:provide', { requestId: 'r', username: 'u', token: 't' }, /“remember” is missing/],
    ['credentials:forget', { host: '' }, /“host” is empty/],
    ['settings:set', { focusMode: 'on' }, /“focusMode” must be true or false/],
    ['settings:set', 'focusMode', /expected an object of settings/],
  ];

  it.each(malformed)('refuses a malformed %s argument, naming the request and the field', (name, arg, field) => {
    const message = refusal(name, arg);
    expect(message).toContain(`“${name}”`);
    expect(message).toMatch(field);
  });

  it('never quotes a refused value back (it may be a token)', () => {
    const token = 'ghp_secretsecretsecret';
    for (const arg of [
      { requestId: 'r', username: 'u', token: { value: token }, remember: true },
      { requestId: 'r', username: token.repeat(300), token, remember: true },
      { requestId: 'r', username: 'u', token, remember: token },
    ])
      expect(refusal('credentials:provide', arg)).not.toContain(token);
  });

  it('gives the typed value with only the known fields', () => {
    const sent = { ...save, editedAt: '2026-03-01T10:00:00Z', extra: 'dropped', isAdmin: true };
    expect(parseArg('journal:write', requests['journal:write'].arg, sent)).toEqual({
      ...save,
      editedAt: '2026-03-01T10:00:00Z',
    });
    expect(parseArg('settings:set', requests['settings:set'].arg, { autosave: true, theme: 'dark' })).toEqual({
      autosave: true,
    });
    expect(
      parseArg('seo:set-mapping', requests['seo:set-mapping'].arg, {
        collection: 'blog',
        mapping: { title: 'seo.title', colour: 'x' },
      }),
    ).toEqual({ collection: 'blog', mapping: { title: 'seo.title' } });
    // A request that takes no argument may leave it out (HTTP body, IPC call) and still gets null.
    expect(parseArg('app:info', requests['app:info'].arg, undefined)).toBeNull();
  });

  it('never lets prototype-polluting keys travel, while front matter keeps its keys as data', () => {
    const wire = JSON.parse(
      '{"path":"a.md","baseVersion":"v","body":"","__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}},' +
        '"frontMatter":{"__proto__":"kept as data","title":"T"}}',
    ) as unknown;
    const parsed = parseArg('post:save', requests['post:save'].arg, wire);
    expect(Object.keys(parsed).sort()).toEqual(['baseVersion', 'body', 'frontMatter', 'path']);
    expect(Object.getPrototypeOf(parsed)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    // The writer's front matter is data: a key named __proto__ is kept as an ordinary field.
    expect(Object.prototype.hasOwnProperty.call(parsed.frontMatter, '__proto__')).toBe(true);

    const choices = parseArg(
      'post:resolve-merge',
      requests['post:resolve-merge'].arg,
      JSON.parse('{"path":"a.md","choices":{"__proto__":"mine","b1":"theirs","b2":{"text":"x","more":1}}}'),
    ).choices;
    expect(Object.keys(choices)).toEqual(['b1', 'b2']);
    expect(Object.getPrototypeOf(choices)).toBe(Object.prototype);
    expect(choices).toEqual({ b1: 'theirs', b2: { text: 'x' } });
  });
});

describe('checkedHandlers', () => {
  it('checks every request of the contract before its handler runs', async () => {
    const seen: unknown[] = [];
    const handlers = Object.fromEntries(
      REQUEST_NAMES.map((name) => [name, async (arg: unknown) => void seen.push(arg)]),
    ) as unknown as Handlers;
    const checked = checkedHandlers(handlers);
    for (const name of REQUEST_NAMES) {
      // A bare number is no request's argument: each must be refused before its handler runs.
      await expect((checked[name] as (arg: unknown) => Promise<unknown>)(42), name).rejects.toMatchObject({
        code: 'bad-request',
        message: expect.stringContaining(`“${name}”`),
      });
    }
    expect(seen).toEqual([]);
    await checked['post:read']({ path: 'a.md', extra: 1 } as { path: string });
    expect(seen).toEqual([{ path: 'a.md' }]);
  });
});
