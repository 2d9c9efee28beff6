/**
 * Seeded generator of hostile clipboard HTML for the paste fuzz test: script URLs in disguise,
 * event handlers, SVG/MathML mutation tricks, nested forms, `srcdoc`, `<base>` and CSS `url()`,
 * mixed into the headings, lists, tables and formatting real pages carry.
 */
/** mulberry32: a small seeded generator, so a failure is reproducible from its index. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Addresses that must never survive a paste. */
export const UNSAFE_URLS = [
  'javascript:alert(1)',
  'JaVaScRiPt:alert(1)',
  ' javascript:alert(1)',
  'java&#x09;script:alert(1)',
  'java&#10;script:alert(1)',
  '&#106;avascript:alert(1)',
  '&#x6A;&#x61;&#x76;&#x61;&#x73;&#x63;&#x72;&#x69;&#x70;&#x74;&#x3A;alert(1)',
  '&#0000106avascript:alert(1)',
  'javascript&colon;alert(1)',
  '\u0001javascript:alert(1)',
  'jav\u00adascript:alert(1)',
  'javascript\u200b:alert(1)',
  'vbscript:msgbox(1)',
  'VBScript:msgbox(1)',
  'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
  'data:text/html,<script>alert(1)</script>',
  'data:image/svg+xml,<svg onload=alert(1)>',
  'DATA:application/x-javascript,alert(1)',
  'livescript:alert(1)',
  'file:///etc/passwd',
  '&amp;#106;avascript:alert(1)',
  'java\nscript:alert(1)',
];
const SAFE_URLS = [
  'https://example.org/a?b=1&c=2',
  'http://example.org/x_(y)',
  '/relative/path',
  '#section',
  'mailto:ed@example.org',
  'photos/cat.png',
  'data:image/png;base64,iVBORw0KGgo=',
];
const WORDS = [
  'rain',
  'harbour',
  'Lisbon',
  'notes',
  '*star*',
  '_under_',
  '[brackets]',
  '<angle>',
  '`tick`',
  '# hash',
  '- dash',
  '1. one',
  '| pipe',
  'back\\slash',
  '&amp;',
  'x&lt;y',
  '**',
  '~~',
  'a_b_c',
  'http://bare.example.org',
];
const HANDLERS = [
  'onerror',
  'onload',
  'onclick',
  'onmouseover',
  'onfocus',
  'ONERROR',
  'onpointerenter',
  'onanimationstart',
];
const MUTATION_TRICKS = [
  '<svg></p><style><a id="</style><img src=1 onerror=alert(1)>">',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>',
  '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>',
  '<svg><a xlink:href="javascript:alert(1)"><text x="20" y="20">XSS</text></a></svg>',
  '<svg><a href="javascript:alert(1)"><rect width="10" height="10"/></a></svg>',
  '<svg><animate attributeName="href" values="javascript:alert(1)"/></svg>',
  '<svg><use href="data:image/svg+xml,<svg id=x onload=alert(1)>#x"/></svg>',
  '<math><maction actiontype="statusline" xlink:href="javascript:alert(1)">click</maction></math>',
  '<math><annotation-xml encoding="text/html"><img src=x onerror=alert(1)></annotation-xml></math>',
  '<form><math><mtext></form><form><mglyph><style></math><img src onerror=alert(1)>',
  '<form id="a"><form id="b"><input formaction="javascript:alert(1)" type="submit"></form></form>',
  '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
  '<base href="javascript:alert(1)//"><a href="/x">relative</a>',
  '<div style="background:url(javascript:alert(1))">styled</div>',
  '<span style="background-image:url(&quot;javascript:alert(1)&quot;)">bg</span>',
  '<style>@import url(javascript:alert(1)); a{background:url(javascript:alert(2))}</style>',
  '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
  '<object data="javascript:alert(1)"></object><embed src="javascript:alert(1)">',
  '<template><img src=x onerror=alert(1)></template>',
  '<a href="javascript:alert(1)"><img src="https://example.org/i.png" alt="img in link"></a>',
  '<img src="x" srcset="javascript:alert(1) 1x">',
  '<video poster="javascript:alert(1)" src="javascript:alert(2)"></video>',
  '<details open ontoggle=alert(1)><summary>more</summary>body</details>',
  '<scr<script>ipt>alert(1)</scr</script>ipt>',
  '<!--<img src=x onerror=alert(1)>-->',
  '<table><td><a href="vbscript:msgbox(1)">cell</a></td></table>',
];

/** A function returning the next generated HTML input; the same seed gives the same inputs. */
export function generator(seed: number) {
  const next = random(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  const url = (): string => (next() < 0.6 ? pick(UNSAFE_URLS) : pick(SAFE_URLS));
  const handler = (): string => (next() < 0.3 ? ` ${pick(HANDLERS)}="alert(${Math.floor(next() * 9)})"` : '');
  const text = (): string => Array.from({ length: 1 + Math.floor(next() * 4) }, () => pick(WORDS)).join(' ');
  const inline = (depth: number): string => {
    const roll = next();
    if (depth > 2 || roll < 0.25) return text();
    if (roll < 0.35) return `<a href="${url()}"${handler()}>${inline(depth + 1)}</a>`;
    if (roll < 0.45) return `<img src="${url()}" alt="${pick(['a cat', 'chart', ''])}"${handler()}>`;
    if (roll < 0.55)
      return `<${pick(['b', 'strong', 'em', 'i', 'code', 's'])}${handler()}>${inline(depth + 1)}</${pick(['b', 'strong', 'em', 'i', 'code', 's'])}>`;
    if (roll < 0.65)
      return `<span style="${pick(['font-weight:700', 'font-style:italic', 'font-weight:normal', "font-family:'Courier New'", 'color:red;background:url(javascript:alert(1))'])}"${handler()}>${inline(depth + 1)}</span>`;
    if (roll < 0.75) return pick(MUTATION_TRICKS);
    if (roll < 0.8) return '<br>';
    return `${text()} ${inline(depth + 1)}`;
  };
  const block = (depth: number): string => {
    const roll = next();
    if (depth > 2 || roll < 0.3) return `<p${handler()}>${inline(depth)}</p>`;
    if (roll < 0.4)
      return `<h${1 + Math.floor(next() * 4)}${handler()}>${inline(depth)}</h${1 + Math.floor(next() * 4)}>`;
    if (roll < 0.5)
      return `<${pick(['ul', 'ol'])}><li>${inline(depth)}</li><li>${block(depth + 1)}</li></${pick(['ul', 'ol'])}>`;
    if (roll < 0.58) return `<blockquote>${block(depth + 1)}</blockquote>`;
    if (roll < 0.64)
      return `<pre><code class="language-${pick(['js', 'sh', '"><script>'])}">${text()}\n${text()}</code></pre>`;
    if (roll < 0.7)
      return `<table><tr><th>${inline(depth)}</th><th>b</th></tr><tr><td>${inline(depth)}</td><td>${text()}</td></tr></table>`;
    if (roll < 0.8) return pick(MUTATION_TRICKS);
    if (roll < 0.86) return `<div${handler()}>${block(depth + 1)}${inline(depth)}</div>`;
    if (roll < 0.9)
      return `<form action="${url()}">${block(depth + 1)}<button formaction="${url()}">Go</button></form>`;
    return `<b style="font-weight:normal" id="docs-internal-guid-${Math.floor(next() * 1e6)}">${block(depth + 1)}${block(depth + 1)}</b>`;
  };
  return (): string => Array.from({ length: 1 + Math.floor(next() * 3) }, () => block(0)).join('');
}
