import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect } from './app-fixture';
import type { Locator, Page } from '@playwright/test';
import { publishFromKeyboard } from './publish-keys';

// The content model end to end: where a site's fields come from (Decap CMS config, Front Matter
// CMS config, or inferred from the posts), a post created and filled through the form, and the
// values that reach the remote, in the shape the site's CMS writes them.

const BAD_CONFIGS = join(import.meta.dirname, '..', 'fixtures', 'sites', 'bad-configs');
const TITLE = 'Café at the Quay';
const now = new Date();
/** Today in the writer's zone, as the slug template's {{year}}-{{month}}-{{day}} renders it. */
const today = [now.getFullYear(), now.getMonth() + 1, now.getDate()]
  .map((part) => String(part).padStart(2, '0'))
  .join('-');

function library(app: Page): Locator {
  return app.getByRole('navigation', { name: 'Library' });
}

function fields(app: Page): Locator {
  return app.getByRole('tabpanel', { name: 'Fields' });
}

/** Creates a post through the "New post" dialog and checks the path it will be saved at. */
async function createPost(app: Page, title: string, path: string, collection?: string): Promise<void> {
  await library(app).getByRole('button', { name: 'New post' }).click();
  const dialog = app.getByRole('dialog', { name: 'New post' });
  await dialog.getByRole('textbox', { name: 'Title' }).fill(title);
  if (collection) await dialog.getByRole('combobox', { name: 'Collection' }).selectOption({ label: collection });
  await expect(dialog.getByText('Saved as')).toHaveText(`Saved as ${path}`);
  await dialog.getByRole('button', { name: 'Create post' }).click();
  await expect(app.getByRole('main').getByRole('textbox', { name: 'Title', exact: true })).toHaveValue(title);
  await app.getByRole('tab', { name: 'Fields' }).click();
}

/** Types part of an entry's name into a relation combobox and picks the option. */
async function pick(app: Page, box: Locator, typed: string, option: string): Promise<void> {
  await box.fill(typed);
  await app.getByRole('listbox').getByRole('option', { name: option, exact: true }).click();
}

/** Publishes with the keyboard and waits for the push. */
async function publish(app: Page): Promise<void> {
  await publishFromKeyboard(app);
  await expect(app.getByRole('status').filter({ hasText: 'Published' })).toBeVisible({ timeout: 20_000 });
}

/** The YAML front matter of a file: the lines between the `---` fences. */
function frontMatter(text: string): string {
  expect(text.startsWith('---\n')).toBe(true);
  return text.slice(4, text.indexOf('\n---\n', 3) + 1);
}

test.describe('on a Decap CMS site', () => {
  test.use({ site: 'sites/decap' });

  test('a new post gets every widget of the blog collection filled through the form, and the remote gets Decap’s value shapes', async ({
    app,
    repo,
  }) => {
    await expect(library(app)).toContainText('Fields from Decap CMS config static/admin/config.yml');
    const path = `content/blog/${today}-cafe-at-the-quay.md`;
    await createPost(app, TITLE, path, 'Blog');
    const form = fields(app);
    // templateKey is a hidden widget: never shown, written from its default.
    await expect(form.getByText('Template Key')).toHaveCount(0);

    await pick(app, form.getByRole('combobox', { name: 'Author' }), 'lind', 'Mara Lindqvist');
    await form.getByRole('textbox', { name: 'Publish Date' }).fill('2026-05-01T09:30');
    await form.getByRole('button', { name: 'Add to Category' }).click();
    await form.getByRole('textbox', { name: 'Category 1 Value' }).fill('category-Rw3pL9xd');
    await form.getByRole('textbox', { name: 'Category 1 Label' }).fill('Practice');
    await pick(app, form.getByRole('combobox', { name: 'Topics' }), 'tool', 'Tooling');
    await pick(app, form.getByRole('combobox', { name: 'Topics' }), 'rel', 'Releases');
    await expect(form.getByRole('list', { name: 'Chosen Topics' })).toContainText('ToolingReleases');
    await form.getByRole('checkbox', { name: 'Draft' }).check();

    const readingTime = form.getByRole('spinbutton', { name: 'Reading time (minutes)' });
    await readingTime.fill('500');
    await expect(readingTime).toHaveAttribute('aria-invalid', 'true');
    await readingTime.fill('12');
    await expect(readingTime).not.toHaveAttribute('aria-invalid');
    await form.getByRole('spinbutton', { name: 'Rating' }).fill('3.5');
    await form.getByRole('combobox', { name: 'Level' }).selectOption('advanced');
    const audience = form.getByRole('group', { name: 'Audience' });
    await audience.getByRole('checkbox', { name: 'Operators' }).check();
    await audience.getByRole('checkbox', { name: 'First-time contributors' }).check();
    await form.getByRole('textbox', { name: 'Cover image' }).fill('/images/harbour-cover.png');
    await form.getByRole('textbox', { name: 'Attachment' }).fill('/files/release-checklist.txt');
    await form.getByRole('textbox', { name: 'Example snippet' }).fill('port: 8080\nhost: quay.local');
    await form.getByRole('textbox', { name: 'Accent colour code' }).fill('#2a9d8f');
    await form.getByRole('textbox', { name: 'Venue' }).fill('{"type":"Point","coordinates":[4.4,51.22]}');
    await form.getByRole('textbox', { name: 'Excerpt' }).fill('Espresso by the water.');
    await form.getByRole('textbox', { name: 'Callout' }).fill('**Bring** your own mug.');

    const tags = form.getByRole('textbox', { name: 'New item for Tags' });
    await tags.fill('coffee');
    await tags.press('Enter');
    await tags.fill('quay');
    await tags.press('Enter');
    await form.getByRole('button', { name: 'Add to Gallery' }).click();
    await form.getByRole('textbox', { name: 'Gallery 1 Image' }).fill('/images/lighthouse-night.png');
    await form.getByRole('button', { name: 'Add to Related links' }).click();
    await form.getByRole('textbox', { name: 'Related links 1 Title' }).fill('Menu');
    await form.getByRole('textbox', { name: 'Related links 1 URL' }).fill('https://cafe.example.org/menu');
    await form.getByRole('button', { name: 'Add to Sections' }).click();
    await app.getByRole('menu', { name: 'Add to Sections' }).getByRole('menuitem', { name: 'Quote' }).click();
    await form.getByRole('textbox', { name: 'Sections 1 Text' }).fill('Best flat white on the harbour.');
    await form.getByRole('textbox', { name: 'Sections 1 Cited person' }).fill('Priya Raman');

    // SEO is collapsed: its fields are hidden, and the legend says how many problems they hold.
    const seo = form.getByRole('button', { name: 'SEO', exact: true });
    await expect(seo).toHaveAttribute('aria-expanded', 'false');
    await expect(form.getByRole('textbox', { name: 'SEO Title' })).toBeHidden();
    await expect(form.getByRole('group', { name: 'SEO' })).toContainText('4 problems inside');
    await seo.click();
    await form.getByRole('textbox', { name: 'SEO Title' }).fill('Café at the Quay: Harbour Devs meet for coffee');
    await form
      .getByRole('textbox', { name: 'SEO Description' })
      .fill(
        'Where the Harbour Devs team meets for coffee by the quay, what to order and how to find the place on a foggy morning.',
      );
    await form.getByRole('textbox', { name: 'SEO URL' }).fill('https://harbour.example.org/blog/cafe-at-the-quay');
    await form.getByRole('textbox', { name: 'SEO Twitter username' }).fill('@harbourdevs');
    await form.getByRole('textbox', { name: 'SEO Social image' }).fill('/images/harbour-cover.png');

    await publish(app);
    // Decap's shapes: numbers unquoted, relations write the entry's value (a category id, not its
    // name), the types list writes its type key, the datetime follows the field's format in UTC.
    // Every key sits in the collection's order, also those filled in after the post was created.
    expect(frontMatter(repo.remoteFile(path))).toBe(
      [
        'templateKey: blog-post',
        `title: ${TITLE}`,
        'author: Mara Lindqvist',
        'date: 2026-05-01T09:30:00.000Z',
        'category: [{value: category-Rw3pL9xd, label: Practice}]',
        'topics:',
        '  - category-Yf8gK4ub',
        '  - category-Tn5vE1sa',
        'draft: true',
        'readingTime: 12',
        'rating: 3.5',
        'level: advanced',
        'audience:',
        '  - operators',
        '  - newcomers',
        'cover: /images/harbour-cover.png',
        'attachment: /files/release-checklist.txt',
        'snippet: |-',
        '  port: 8080',
        '  host: quay.local',
        'accent: "#2a9d8f"',
        'venue: "{\\"type\\":\\"Point\\",\\"coordinates\\":[4.4,51.22]}"',
        'excerpt: Espresso by the water.',
        'callout: "**Bring** your own mug."',
        'tags:',
        '  - coffee',
        '  - quay',
        'gallery:',
        '  - /images/lighthouse-night.png',
        'links:',
        '  - title: Menu',
        '    url: https://cafe.example.org/menu',
        'sections:',
        '  - kind: quote',
        '    text: Best flat white on the harbour.',
        '    cite: Priya Raman',
        'seo:',
        '  title: "Café at the Quay: Harbour Devs meet for coffee"',
        '  description: Where the Harbour Devs team meets for coffee by the quay, what to order and how to find the place on a foggy morning.',
        '  url: https://harbour.example.org/blog/cafe-at-the-quay',
        '  twitterUsername: "@harbourdevs"',
        '  image: /images/harbour-cover.png',
        '',
      ].join('\n'),
    );
  });
});

test.describe('on a Front Matter CMS site', () => {
  test.use({ site: 'sites/frontmatter-cms' });

  test('a new post is filled from the content type in frontmatter.json and published', async ({ app, repo }) => {
    await expect(library(app)).toContainText('Fields from Front Matter CMS config frontmatter.json');
    const path = 'src/content/blog/cafe-at-the-quay.md';
    await createPost(app, TITLE, path);
    const form = fields(app);

    await form
      .getByRole('textbox', { name: 'Description', exact: true })
      .fill('Coffee by the quay, and where to find it on a foggy morning in the harbour district of town.');
    await form.getByRole('textbox', { name: 'Publish date' }).fill('2026-05-01T09:30:00');
    await form.getByRole('checkbox', { name: 'Featured' }).check();
    await form.getByRole('textbox', { name: 'Hero image' }).fill('/images/harbour-cover.png');
    await form.getByRole('spinbutton', { name: 'Reading time' }).fill('7');
    await form.getByRole('spinbutton', { name: 'Score' }).fill('4.2');
    await form.getByRole('combobox', { name: 'Status' }).selectOption('review');
    await form.getByRole('group', { name: 'Audience' }).getByRole('checkbox', { name: 'Operators' }).check();
    await form.getByRole('group', { name: 'Tags' }).getByRole('checkbox', { name: 'offline' }).check();
    await form.getByRole('group', { name: 'Tags' }).getByRole('checkbox', { name: 'tutorial' }).check();
    const categories = form.getByRole('textbox', { name: 'New item for Categories' });
    await categories.fill('Guides');
    await categories.press('Enter');
    await form.getByRole('group', { name: 'Platforms' }).getByRole('checkbox', { name: 'linux' }).check();
    await form.getByRole('textbox', { name: 'SEO Title' }).fill('Café at the Quay | Tidewater');
    await form.getByRole('textbox', { name: 'SEO Image' }).fill('/images/small-thumb.jpg');
    await form.getByRole('button', { name: 'Add to Links' }).click();
    await form.getByRole('textbox', { name: 'Links 1 Label' }).fill('Map');
    await form.getByRole('textbox', { name: 'Links 1 URL' }).fill('https://tidewater.example.org/map');
    await pick(app, form.getByRole('combobox', { name: 'Related docs' }), 'deploy', 'Deploying');
    // A json field holds records typed by the data types of frontmatter.json.
    await form.getByRole('button', { name: 'Add to Extra data' }).click();
    await app.getByRole('menuitem', { name: 'Source' }).click();
    await form.getByRole('textbox', { name: 'Extra data 1 Name' }).fill('Quay café guide');
    await form.getByRole('textbox', { name: 'Extra data 1 Address' }).fill('https://tidewater.example.org/cafes');
    await form.getByRole('spinbutton', { name: 'Extra data 1 Year' }).fill('2025');
    await form.getByRole('combobox', { name: 'Extra data 1 Kind' }).selectOption('article');
    await form.getByRole('button', { name: 'Add to Extra data' }).click();
    await app.getByRole('menuitem', { name: 'Quote' }).click();
    await form.getByRole('textbox', { name: 'Extra data 2 Quote text' }).fill('Best flat white on the waterfront.');
    await form.getByRole('textbox', { name: 'Extra data 2 Said by' }).fill('A regular');

    await publish(app);
    const written = frontMatter(repo.remoteFile(path));
    // New posts are stamped in whole seconds, so a picked time is written as `…:00.000Z`, tidy like Decap’s.
    const local = new Date('2026-05-01T09:30:00').toISOString().slice(0, 19);
    expect(written).toMatch(new RegExp(`^pubDate: ${local}\\.000Z$`, 'm'));
    expect(written.replace(/^pubDate: .*$/m, 'pubDate: …')).toBe(
      [
        `title: ${TITLE}`,
        'description: Coffee by the quay, and where to find it on a foggy morning in the harbour district of town.',
        'pubDate: …',
        'draft: false',
        'featured: true',
        'heroImage: /images/harbour-cover.png',
        'readingTime: 7',
        'score: 4.2',
        'status: review',
        'audience:',
        '  - ops',
        'tags:',
        '  - offline',
        '  - tutorial',
        'categories:',
        '  - Guides',
        'platforms:',
        '  - linux',
        'seo:',
        '  title: Café at the Quay | Tidewater',
        '  image: /images/small-thumb.jpg',
        'links:',
        '  - label: Map',
        '    url: https://tidewater.example.org/map',
        'related:',
        '  - deploying',
        'extra:',
        '  - dataType: source',
        '    name: Quay café guide',
        '    url: https://tidewater.example.org/cafes',
        '    year: 2025',
        '    kind: article',
        '    checked: false',
        '  - dataType: quote',
        '    text: Best flat white on the waterfront.',
        '    by: A regular',
        '',
      ].join('\n'),
    );
  });
});

test.describe('on a site without a CMS config', () => {
  test.use({ site: 'sites/plain' });

  test('a new post is filled with the fields inferred from the other posts and published', async ({ app, repo }) => {
    await expect(library(app)).toContainText('Fields inferred from your posts');
    const path = 'content/posts/cafe-at-the-quay.md';
    await createPost(app, TITLE, path);
    const form = fields(app);

    await form.getByRole('textbox', { name: 'Date', exact: true }).fill('2026-05-01T09:30:00');
    await form.getByRole('combobox', { name: 'Author' }).fill('Elin Sørensen');
    const tags = form.getByRole('combobox', { name: 'New item for Tags' });
    await tags.fill('harbour');
    await tags.press('Enter');
    const categories = form.getByRole('combobox', { name: 'New item for Categories' });
    await categories.fill('Stories');
    await categories.press('Enter');
    await form.getByRole('spinbutton', { name: 'Weight' }).fill('50');
    await form.getByRole('checkbox', { name: 'Featured' }).check();
    await form
      .getByRole('textbox', { name: 'Canonical' })
      .fill('https://lighthouse.example.net/posts/cafe-at-the-quay/');
    await form.getByRole('textbox', { name: 'Cover Image' }).fill('/images/cafe.png');
    await form.getByRole('textbox', { name: 'Cover Alt' }).fill('Cups on the quay wall');
    await form.getByRole('spinbutton', { name: 'Location Lat' }).fill('57.7');
    await form.getByRole('spinbutton', { name: 'Location Lng' }).fill('11.97');
    await form.getByRole('spinbutton', { name: 'Rating' }).fill('4.5');

    // This site's posts carry no description field at all (its templates use the first paragraph,
    // and this new post has none yet): the SEO tab advises one, but as a warning, so publishing goes
    // straight through.
    await app.getByRole('tab', { name: 'Publish' }).click();
    const panel = app.getByRole('tabpanel', { name: 'Publish' });
    await expect(panel.getByRole('region', { name: 'Before publishing' })).toContainText('SEO: no errors');
    await panel.getByRole('button', { name: 'Publish', exact: true }).click();
    await expect(app.getByRole('status').filter({ hasText: 'Published' })).toBeVisible({ timeout: 20_000 });
    const written = frontMatter(repo.remoteFile(path));
    const local = new Date('2026-05-01T09:30:00').toISOString().slice(0, 19);
    expect(written).toMatch(new RegExp(`^date: ${local}\\.000Z$`, 'm'));
    expect(written.replace(/^date: .*$/m, 'date: …')).toBe(
      [
        `title: ${TITLE}`,
        'date: …',
        'draft: false',
        'author: Elin Sørensen',
        'tags:',
        '  - harbour',
        'categories:',
        '  - Stories',
        'weight: 50',
        'featured: true',
        'canonical: https://lighthouse.example.net/posts/cafe-at-the-quay/',
        'cover:',
        '  image: /images/cafe.png',
        '  alt: Cups on the quay wall',
        'location:',
        '  lat: 57.7',
        '  lng: 11.97',
        'rating: 4.5',
        '',
      ].join('\n'),
    );
  });
});

test.describe('editing an existing Decap post', () => {
  test.use({ site: 'sites/decap' });
  const POST = 'content/blog/2026-02-14-harbour-lights-community-night.md';

  async function openPost(app: Page): Promise<void> {
    await library(app)
      .getByRole('button', { name: /Harbour Lights/ })
      .click();
    await expect(app.getByRole('main').getByRole('textbox', { name: 'Title', exact: true })).toHaveValue(
      /Harbour Lights/,
    );
    await app.getByRole('tab', { name: 'Fields' }).click();
  }

  test('choosing another author in the relation combobox changes only that line of the file', async ({ app, repo }) => {
    await openPost(app);
    const author = fields(app).getByRole('combobox', { name: 'Author' });
    await expect(author).toHaveValue('Jonas Ebert');
    await author.fill('pri');
    const options = app.getByRole('listbox', { name: 'Author' }).getByRole('option');
    await expect(options).toHaveText(['Priya Raman']);
    await options.first().click();
    await expect(author).toHaveValue('Priya Raman');

    await app.keyboard.press('Control+S');
    await expect(app.getByRole('contentinfo').getByRole('status').first()).toHaveText('Saved');
    const changed = repo
      .git('diff', '--unified=0', POST)
      .split('\n')
      .filter((line) => /^[-+](?![-+])/.test(line));
    expect(changed).toEqual(['-author: Jonas Ebert', '+author: Priya Raman']);
  });

  test('publishing is refused while a required field is invalid, and the field gets the cursor', async ({
    app,
    repo,
  }) => {
    const before = repo.remoteLog();
    await openPost(app);
    const form = fields(app);
    const seo = form.getByRole('button', { name: 'SEO', exact: true });
    await seo.click();
    const url = form.getByRole('textbox', { name: 'SEO URL' });
    await url.fill('');
    await expect(url).toHaveAttribute('aria-invalid', 'true');
    await expect(app.getByRole('contentinfo').getByRole('button', { name: '1 field needs attention' })).toBeVisible();
    // Folded away again: the refusal must still lead the writer to the field.
    await seo.click();
    await expect(url).toBeHidden();

    await publishFromKeyboard(app);
    const refused = app.getByRole('alert').filter({ hasText: 'Not published.' });
    await expect(refused).toContainText('One field needs attention first');
    await expect(refused).toContainText('URL is required.');
    await expect(url).toBeFocused();
    expect(repo.remoteLog()).toEqual(before);

    // A URL that breaks the field's pattern is refused the same way.
    await url.fill('http://harbour.example.org/blog/harbour-lights');
    await publishFromKeyboard(app);
    await expect(refused).toContainText('Use the full https:// address of the post.');
    await expect(url).toBeFocused();
    expect(repo.remoteLog()).toEqual(before);
    expect(repo.remoteFile(POST)).toContain('url: https://harbour.example.org/blog/harbour-lights-community-night\n');
  });
});

test.describe('a broken Decap config', () => {
  // Each written as static/admin/config.yml into the plain site, whose posts are in content/posts.
  const configs = [
    {
      file: 'yaml-syntax.yml',
      line: 9,
      source: 'Fields inferred from your posts',
      message: 'The config is not valid YAML',
    },
    {
      file: 'unknown-relation.yml',
      line: 13,
      source: 'Fields from Decap CMS config static/admin/config.yml',
      message: 'relation points to collection "people"',
    },
    {
      file: 'missing-folder.yml',
      line: 7,
      source: 'Fields inferred from your posts',
      message: 'the folder “content/does-not-exist” does not exist',
    },
  ];
  for (const { file, line, source, message } of configs) {
    test.describe(file, () => {
      test.use({
        site: 'sites/plain',
        repoFiles: { 'static/admin/config.yml': readFileSync(join(BAD_CONFIGS, file), 'utf8') },
      });

      test(`${file}: the library names the problem with its file and line, and posts still open and save`, async ({
        app,
        repo,
      }) => {
        await expect(library(app)).toContainText(source);
        await library(app).getByText('1 problem in the config').click();
        const problems = library(app).getByRole('list', { name: 'Config problems' }).getByRole('listitem');
        await expect(problems).toHaveCount(1);
        await expect(problems).toContainText(`static/admin/config.yml:${line} `);
        await expect(problems).toContainText(message);

        await library(app)
          .getByRole('button', { name: /First Light/ })
          .click();
        const title = app.getByRole('main').getByRole('textbox', { name: 'Title', exact: true });
        await expect(title).toHaveValue('First Light');
        await app.getByRole('tab', { name: 'Fields' }).click();
        const form = fields(app);
        // The broken relation is left out and the author edited as text; otherwise the form is inferred.
        const author = form.getByRole(file === 'unknown-relation.yml' ? 'textbox' : 'combobox', { name: 'Author' });
        await expect(author).toHaveValue('Elin Sørensen');
        await expect(form.getByRole('textbox', { name: 'Cover Alt' })).toHaveValue('The lamp room at dawn');
        await author.fill('Elin Sørensen-Berg');
        await form.getByRole('spinbutton', { name: 'Weight' }).fill('11');
        await title.fill('First Light, Again');
        await app.keyboard.press('Control+S');
        await expect(app.getByRole('contentinfo').getByRole('status').first()).toHaveText('Saved');
        const changed = repo
          .git('diff', '--unified=0', 'content/posts/first-light.md')
          .split('\n')
          .filter((text) => /^[-+](?![-+])/.test(text));
        expect(changed).toEqual([
          '-title: First Light',
          '+title: First Light, Again',
          '-author: Elin Sørensen',
          '+author: Elin Sørensen-Berg',
          '-weight: 10',
          '+weight: 11',
        ]);
      });
    });
  }
});
