import type { Element, Root, RootContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { describe, expect, it } from 'vitest';
import { isAllowedIframeSrc, renderMarkdown } from '@/lib/markdown/render';

// Each payload is rendered as a whole post. They mix raw HTML, Markdown link syntax, entity
// and case tricks, parser-differential (mXSS) shapes and DOM clobbering.
const PAYLOADS: readonly string[] = [
  '<script>alert(1)</script>',
  '<SCRIPT SRC=https://evil.example/x.js></SCRIPT>',
  '<scr<script>ipt>alert(1)</script>',
  '<<script>script>alert(1)//<</script>',
  '<img src=x onerror=alert(1)>',
  '<img src="x" onerror="alert(1)"/>',
  '<IMG SRC="javascript:alert(\'XSS\');">',
  '<img src=javascript:alert(1)>',
  '<img src="x" alt="&quot; onerror=&quot;alert(1)">',
  '<img src="https://example.com/x.png" srcset="javascript:alert(1) 1x">',
  '<picture><source srcset="javascript:alert(1)"><img src="x"></picture>',
  '<svg onload=alert(1)>',
  '<svg><script>alert(1)</script></svg>',
  '<svg><a xlink:href="javascript:alert(1)"><text x="20" y="20">x</text></a></svg>',
  '<span class="katex"><svg onload=alert(1)></svg><b style="position:fixed">x</b></span>',
  '<a href="javascript:alert(1)">x</a>',
  '<a href="  javascript:alert(1)">x</a>',
  '<a href="java&#x09;script:alert(1)">x</a>',
  '<a href="javascript&colon;alert(1)">x</a>',
  '<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)">x</a>',
  '<a href="JAVASCRIPT:alert(1)">x</a>',
  '<a href="vbscript:msgbox(1)">x</a>',
  '<a href="data:text/html,<script>alert(1)</script>">x</a>',
  '<a href="#" onclick="alert(1)">x</a>',
  '<a href="https://example.com" target="_blank" onclick="alert(1)">x</a>',
  '[x](javascript:alert(1))',
  '[x](JaVaScRiPt:alert(1))',
  '[x](javascript&colon;alert(1))',
  '[x](&#x6A;avascript:alert(1))',
  '[x](vbscript:msgbox(1))',
  '[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
  '![x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
  '![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)',
  '![x](javascript:alert(1))',
  '<img src="data:image/svg+xml,<svg onload=alert(1)>">',
  '<javascript:alert(1)>',
  '[x][bad]\n\n[bad]: javascript:alert(1)',
  '![x][bad]\n\n[bad]: javascript:alert(1)',
  '[x](<javascript:alert(1)>)',
  '<iframe src="javascript:alert(1)"></iframe>',
  '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
  '<iframe src="https://www.youtube.com/embed/x" srcdoc="<script>alert(1)</script>" onload="alert(1)"></iframe>',
  '<iframe src="https://evil.example/"></iframe>',
  '<iframe src="data:text/html,<script>alert(1)</script>"></iframe>',
  '<style>body{background:url("javascript:alert(1)")}</style>',
  '<div style="background:url(javascript:alert(1))">x</div>',
  '<p style="position:fixed;inset:0;z-index:9999">overlay</p>',
  '<form action="javascript:alert(1)"><button formaction="javascript:alert(1)">x</button></form>',
  '<form><input type="submit" formaction="javascript:alert(1)"></form>',
  '<input autofocus onfocus=alert(1)>',
  '<input type="checkbox" disabled onclick="alert(1)">',
  '<textarea autofocus onfocus=alert(1)>x</textarea>',
  '<select autofocus onfocus=alert(1)><option>x</option></select>',
  '<button onclick=alert(1)>x</button>',
  '<object data="javascript:alert(1)"></object>',
  '<embed src="javascript:alert(1)">',
  '<base href="https://evil.example/">',
  '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
  '<link rel="stylesheet" href="https://evil.example/x.css">',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
  '<math><mi xlink:href="javascript:alert(1)">x</mi></math>',
  '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
  '<template><img src=x onerror=alert(1)></template>',
  '<xmp><img src=x onerror=alert(1)></xmp>',
  '<img name="getElementById"><img name="cookie">',
  '<form id="location"><input name="href"></form>',
  '<a id="location" href="https://evil.example">x</a>',
  '<div id="__next_f">x</div>',
  '<h2 id="document">clobber</h2>',
  '## process\n\n## __next_f\n\n## global',
  '<details open ontoggle=alert(1)><summary>x</summary></details>',
  '<video><source onerror=alert(1)></video>',
  '<video src=x onerror=alert(1) poster="javascript:alert(1)"></video>',
  '<audio src=x onerror=alert(1)></audio>',
  '<body onload=alert(1)>',
  '<div onmouseover="alert(1)">hover</div>',
  '<img src=x onerror=alert(1)',
  '<a href="javascript:alert(1)"',
  '<!-- <img src=x onerror=alert(1)> -->',
  '<!--><img src=x onerror=alert(1)>-->',
  '<div>\n\n<img src=x onerror=alert(1)>\n\n</div>',
  '`<script>alert(1)</script>`',
  '$\\href{javascript:alert(1)}{x}$',
  '$$\\url{javascript:alert(1)}$$',
  '$\\htmlData{onload=alert(1)}{x}$',
  '```math\n\\href{javascript:alert(1)}{x}\n```',
  '<code class="language-math">\\href{javascript:alert(1)}{x}</code>',
];

const URL_ATTRIBUTES = ['href', 'src', 'action', 'formAction', 'poster', 'cite', 'data', 'background', 'xLinkHref', 'srcSet'];
const FORBIDDEN_ELEMENTS = new Set([
  'applet', 'base', 'body', 'button', 'embed', 'form', 'frame', 'frameset', 'head', 'html', 'input', 'link',
  'meta', 'noscript', 'object', 'script', 'select', 'style', 'template', 'textarea', 'title', 'xmp',
]);
// Names scripts read as globals; a heading slug equal to one must not stay unprefixed.
const SCRIPT_GLOBALS = new Set(['process', 'global', 'module', 'exports', 'require', 'define', '__next_f', '__next_data__']);

function classes(node: Element): string[] {
  const value = node.properties.className;
  return Array.isArray(value) ? value.map(String) : [];
}

/** Every reason the HTML would be unsafe in a browser, found by parsing it as a browser does. */
function findUnsafe(output: string): string[] {
  const problems: string[] = [];
  const tree: Root = fromHtml(output, { fragment: true });

  const walk = (nodes: RootContent[], inKatex: boolean) => {
    for (const node of nodes) {
      if (node.type !== 'element') continue;
      const name = node.tagName;
      const katex = inKatex || (name === 'span' && classes(node).includes('katex'));
      const props = node.properties;

      if (FORBIDDEN_ELEMENTS.has(name)) {
        const taskCheckbox =
          name === 'input' && props.type === 'checkbox' && props.disabled === true &&
          Object.keys(props).every((key) => ['type', 'disabled', 'checked'].includes(key));
        if (!taskCheckbox) problems.push(`element <${name}>`);
      }
      if ((name === 'svg' || name === 'math') && !inKatex) problems.push(`element <${name}> outside KaTeX output`);
      if (name === 'iframe' && !(typeof props.src === 'string' && isAllowedIframeSrc(props.src))) {
        problems.push(`iframe with src ${String(props.src)}`);
      }
      for (const [key, value] of Object.entries(props)) {
        const lower = key.toLowerCase();
        if (lower.startsWith('on')) problems.push(`event handler ${key} on <${name}>`);
        if (lower === 'srcdoc') problems.push(`srcdoc on <${name}>`);
        if (lower === 'style' && !inKatex) problems.push(`style attribute on <${name}>`);
        if (URL_ATTRIBUTES.includes(key)) {
          const url = String(Array.isArray(value) ? value.join(' ') : value)
            .replace(/[\u0000-\u0020\u007f-\u009f]/g, '')
            .toLowerCase();
          const scheme = /^([a-z][a-z\d+.-]*):/.exec(url)?.[1];
          if (scheme && !['http', 'https', 'mailto'].includes(scheme)) problems.push(`${key}=${url} on <${name}>`);
        }
        if (lower === 'id' || lower === 'name') {
          const id = String(value);
          const heading = /^h[1-6]$/.test(name) && lower === 'id';
          if (!id.startsWith('user-content-') && !heading) problems.push(`unprefixed ${lower}="${id}" on <${name}>`);
          if (heading && (SCRIPT_GLOBALS.has(id) || id.startsWith('_'))) problems.push(`heading id "${id}" shadows a global`);
        }
      }
      walk(node.children as RootContent[], katex);
    }
  };
  walk(tree.children, false);

  // Second net over the text, in case the parse above and a browser ever disagree.
  if (/<\s*script/i.test(output)) problems.push('"<script" in output');
  // Text outside tags is serialized with `<` escaped, so a literal `<` opens a real tag.
  if (/<[a-z][^<>]*\s(?:href|src|action|formaction|srcdoc|poster)\s*=\s*["']?\s*(?:javascript|vbscript|data):/i.test(output)) {
    problems.push('dangerous URL attribute in output text');
  }
  return problems;
}

describe('findUnsafe (the checker itself)', () => {
  it.each([
    '<img src="x" onerror="alert(1)">',
    '<a href="javascript:alert(1)">x</a>',
    '<a href=" JaVa\tScRiPt:alert(1)">x</a>',
    '<img src="data:image/svg+xml,x">',
    '<svg></svg>',
    '<style>*{}</style>',
    '<iframe src="https://evil.example/"></iframe>',
    '<div id="location"></div>',
    '<img name="cookie">',
    '<h2 id="process">x</h2>',
    '<p style="color:red">x</p>',
    '<form></form>',
    '<input type="text">',
  ])('flags %s', (unsafe) => {
    expect(findUnsafe(unsafe)).not.toEqual([]);
  });

  it('accepts what the renderer legitimately produces', () => {
    const { html } = renderMarkdown(
      '## Math $\\sqrt{x}$ and $\\overrightarrow{AB}$\n\n- [x] done\n\n<iframe src="https://www.youtube.com/embed/x"></iframe>\n\n[a](#b) <a id="b">b</a>\n',
    );
    expect(html).toContain('<svg');
    expect(findUnsafe(html)).toEqual([]);
  });
});

describe('renderMarkdown against XSS payloads', () => {
  it(`covers a substantial list (${PAYLOADS.length} payloads)`, () => {
    expect(PAYLOADS.length).toBeGreaterThanOrEqual(40);
  });

  it.each(PAYLOADS)('neutralises %s', (payload) => {
    const { html } = renderMarkdown(payload);
    expect(findUnsafe(html)).toEqual([]);
  });

  it.each(PAYLOADS)('neutralises %s inside a list item and a blockquote', (payload) => {
    const nested = payload.split('\n').join('\n  ');
    const { html } = renderMarkdown(`- ${nested}\n\n> ${payload.split('\n').join('\n> ')}\n`);
    expect(findUnsafe(html)).toEqual([]);
  });

  it('keeps the harmless content around a removed element', () => {
    const { html } = renderMarkdown('<div onmouseover="alert(1)">hover me</div>\n\n<button onclick=alert(1)>press</button>\n');
    expect(html).toContain('<div>hover me</div>');
    expect(html).toContain('press');
  });

  it('drops script and style bodies instead of showing them as text', () => {
    const { html } = renderMarkdown('<style>.a{color:red}</style>\n\n<script>alert(1)</script>\n\nok\n');
    expect(html).not.toContain('color:red');
    expect(html).not.toContain('alert');
    expect(html).toContain('<p>ok</p>');
  });

  it('keeps KaTeX from turning \\href into a link', () => {
    const { html } = renderMarkdown('$\\href{https://example.com}{x}$\n');
    expect(html).not.toContain('<a ');
  });
});
