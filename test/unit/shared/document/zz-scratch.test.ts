import { test } from 'vitest';
import { parseMarkdown } from '../../../../shared/document/markdown/parse';
test('x', () => {
  const md = 'Hi {{< figure src="/a_b_c.png" caption="*x*" >}} and {% raw %} and {{ page.title }}\nand {{< multi\n  line="1" >}} ok {nope} `{{< code >}}`\n\n> q {{% note %}}\n> more %}}\n';
  const t = parseMarkdown(md);
  console.log(JSON.stringify(t.children, (k, v) => (k === 'position' ? undefined : v), 1));
});
