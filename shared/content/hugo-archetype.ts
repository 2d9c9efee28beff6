/**
 * Hugo archetypes as new-post templates. `hugo new` fills an archetype (`archetypes/<section>.md`,
 * else `archetypes/default.md`) by running it as a Go template; Masthead does not run templates,
 * so it renders the handful of expressions archetypes use in practice — the date, the file's name
 * and the title made from it — and leaves any other expression out (an empty value the writer can
 * fill, rather than template code that would break the front matter).
 */

/** What a new post's archetype is rendered with. */
export interface ArchetypeInput {
  /** The title the writer gave the post. */
  title: string;
  /** The file's base name without extension (the bundle folder's name for `index.md`). */
  slug: string;
  /** The content section (`posts` for `content/posts/...`). */
  section: string;
  /** The moment of creation. */
  date: Date;
}

/** The archetype files to try for a collection folder, in Hugo's order. */
export function archetypeCandidates(collectionFolder: string): string[] {
  const section = collectionFolder.split('/').filter(Boolean).pop() ?? '';
  return [...(section === '' ? [] : [`archetypes/${section}.md`]), 'archetypes/default.md'];
}

/** The archetype's text with its template expressions rendered (or removed when unknown). */
export function renderArchetype(text: string, input: ArchetypeInput): string {
  return text.replace(/\{\{-?\s*([\s\S]*?)\s*-?\}\}/g, (whole: string, expression: string) =>
    // Shortcodes (`{{< … >}}`, `{{% … %}}`) belong to the post's body, not to the template.
    /^[<%]/.test(expression.trim()) ? whole : renderExpression(expression.trim(), input),
  );
}

function renderExpression(expression: string, input: ArchetypeInput): string {
  // Comments: `{{/* … */}}`.
  if (expression.startsWith('/*')) return '';
  const names = /\.(File\.ContentBaseName|File\.BaseFileName|File\.TranslationBaseName|Name)\b/;
  // `replace .File.ContentBaseName "-" " " | title` and friends: the title made from the file name,
  // which is the writer's own title here.
  if (names.test(expression) && /\b(title|humanize)\b/.test(expression)) return input.title;
  if (/^\.Title$/.test(expression)) return input.title;
  if (names.test(expression) && !/\|/.test(expression) && !/^replace\b/.test(expression)) return input.slug;
  if (/^\.(Type|Section)$/.test(expression)) return input.section;
  const format =
    /^(?:now|\.Date)\.Format\s+"([^"]+)"$/.exec(expression) ??
    /^(?:now|\.Date)\s*\|\s*time\.Format\s+"([^"]+)"$/.exec(expression);
  if (format) return formatGoLayout(input.date, format[1] as string);
  if (/^(\.Date|now)$/.test(expression)) return rfc3339(input.date);
  return '';
}

/** Hugo's `.Date` in an archetype: RFC 3339 with the local offset, whole seconds. */
function rfc3339(date: Date): string {
  return formatGoLayout(date, '2006-01-02T15:04:05-07:00');
}

/** Formats with a Go reference layout (`2006-01-02 15:04`), the common tokens only. */
function formatGoLayout(date: Date, layout: string): string {
  const pad = (value: number, width = 2): string => String(value).padStart(width, '0');
  const offset = -date.getTimezoneOffset();
  const sign = offset >= 0 ? '+' : '-';
  const offsetHours = pad(Math.floor(Math.abs(offset) / 60));
  const offsetMinutes = pad(Math.abs(offset) % 60);
  const months = [
    'January',
    'February',
    'March',
    'April',
    'May',
    'June',
    'July',
    'August',
    'September',
    'October',
    'November',
    'December',
  ];
  const tokens: Array<[string, string]> = [
    ['2006', String(date.getFullYear())],
    ['January', months[date.getMonth()] as string],
    ['Jan', (months[date.getMonth()] as string).slice(0, 3)],
    ['-07:00', `${sign}${offsetHours}:${offsetMinutes}`],
    ['-0700', `${sign}${offsetHours}${offsetMinutes}`],
    ['01', pad(date.getMonth() + 1)],
    ['02', pad(date.getDate())],
    ['15', pad(date.getHours())],
    ['04', pad(date.getMinutes())],
    ['05', pad(date.getSeconds())],
  ];
  let out = '';
  for (let index = 0; index < layout.length;) {
    const token = tokens.find(([key]) => layout.startsWith(key, index));
    if (token) {
      out += token[1];
      index += token[0].length;
    } else {
      out += layout[index];
      index += 1;
    }
  }
  return out;
}
