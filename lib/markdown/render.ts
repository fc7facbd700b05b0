import type { Element, ElementContent, Root } from 'hast';
import { toString } from 'hast-util-to-string';
import rehypeHighlight from 'rehype-highlight';
import rehypeKatex from 'rehype-katex';
import rehypeRaw from 'rehype-raw';
import rehypeSanitize, { defaultSchema, type Options as SanitizeSchema } from 'rehype-sanitize';
import rehypeSlug from 'rehype-slug';
import rehypeStringify from 'rehype-stringify';
import remarkCjkFriendly from 'remark-cjk-friendly';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import type { VFile } from 'vfile';
import { ALLOWED_IFRAME_HOSTS } from '@/lib/markdown/embeds.mjs';

export type TocEntry = { depth: 2 | 3; id: string; text: string };

export type RenderedMarkdown = { html: string; toc: TocEntry[] };

export { ALLOWED_IFRAME_HOSTS };

const IFRAME_SANDBOX = ['allow-scripts', 'allow-same-origin', 'allow-popups', 'allow-presentation'];
const IFRAME_REFERRER_POLICY = 'strict-origin-when-cross-origin';

// Permissions a video or demo player plausibly needs; anything else an author writes into
// `allow` (camera, microphone, geolocation, payment…) would be granted to a third party.
const IFRAME_ALLOWED_FEATURES = new Set([
  'accelerometer',
  'autoplay',
  'clipboard-write',
  'encrypted-media',
  'fullscreen',
  'gyroscope',
  'picture-in-picture',
  'web-share',
]);

const CLOBBER_PREFIX = 'user-content-';

/** True for an absolute https URL on the default port whose host is in `ALLOWED_IFRAME_HOSTS`. */
export function isAllowedIframeSrc(src: string): boolean {
  let url: URL;
  try {
    url = new URL(src);
  } catch {
    return false;
  }
  if (url.protocol !== 'https:' || url.port !== '' || url.username !== '' || url.password !== '') return false;
  const host = url.hostname;
  return ALLOWED_IFRAME_HOSTS.some((allowed) =>
    allowed.startsWith('*.') ? host.endsWith(allowed.slice(1)) && host.length > allowed.length - 1 : host === allowed,
  );
}

/**
 * Removes a first heading that only repeats the post title: Hugging Face posts open with
 * `# Title`, and the page already shows the title above the body.
 */
export function stripLeadingTitle(markdown: string, title: string): string {
  const wanted = normalizeTitle(title);
  if (!wanted) return markdown;

  const leading = /^(?:[ \t]*\r?\n)*/.exec(markdown)?.[0] ?? '';
  const rest = markdown.slice(leading.length);
  const lines = rest.split(/\r?\n/);
  const first = lines[0] ?? '';
  const second = lines[1] ?? '';

  const atx = /^ {0,3}#[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$/.exec(first);
  const html = /^ {0,3}<h1(?:\s[^>]*)?>(.*?)<\/h1>\s*$/i.exec(first);
  const setext = /^ {0,3}=+[ \t]*$/.test(second) && first.trim() !== '';

  let consumedLines = 0;
  let text: string | undefined;
  if (atx) {
    text = atx[1];
    consumedLines = 1;
  } else if (html) {
    text = stripTags(html[1] ?? '');
    consumedLines = 1;
  } else if (setext) {
    text = first;
    consumedLines = 2;
  }

  if (text === undefined || normalizeTitle(text) !== wanted) return markdown;
  return lines
    .slice(consumedLines)
    .join('\n')
    .replace(/^(?:[ \t]*\n)+/, '');
}

function normalizeTitle(value: string): string {
  return decodeBasicEntities(value).normalize('NFKC').replace(/\s+/g, ' ').trim().toLowerCase();
}

function stripTags(value: string): string {
  return value.replace(/<[^>]*>/g, '');
}

function decodeBasicEntities(value: string): string {
  return value
    .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => safeCodePoint(Number.parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_, dec: string) => safeCodePoint(Number.parseInt(dec, 10)))
    .replace(/&quot;/g, '"')
    .replace(/&apos;|&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&');
}

function safeCodePoint(code: number): string {
  return Number.isInteger(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
}

// Tailwind-like utilities used by Hugging Face posts for layout. Class names are an allow-list
// rather than free text because the site's own CSS ships utilities such as `fixed inset-0 z-50`
// that would let a post draw over the page chrome.
const PRESENTATIONAL_CLASS =
  /^(?:image|table|center|text-(?:center|left|right|justify|xs|sm|base|lg)|text-gray-[1-9]00|italic|font-(?:medium|semibold|bold|mono)|m-0|mx-auto|my-\d|mt-\d|mb-\d|w-full|max-w-full|h-auto|flex|flex-wrap|flex-col|justify-(?:center|between|around)|items-center|gap-\d|rounded(?:-(?:sm|md|lg|xl))?|border|shadow(?:-(?:sm|md))?)$/;
const LANGUAGE_CLASS = /^language-[\w#+.-]{1,40}$/;

const aria = ['ariaDescribedBy', 'ariaLabel', 'ariaLabelledBy'];
const presentational: [string, RegExp] = ['className', PRESENTATIONAL_CLASS];
const loading: [string, ...string[]] = ['loading', 'lazy', 'eager'];
const preload: [string, ...string[]] = ['preload', 'none', 'metadata', 'auto'];

const sanitizeSchema: SanitizeSchema = {
  ...defaultSchema,
  // remark-rehype runs with an empty clobber prefix so that the sanitizer applies it exactly once.
  clobberPrefix: CLOBBER_PREFIX,
  clobber: ['ariaDescribedBy', 'ariaLabelledBy', 'id', 'name'],
  tagNames: [
    ...(defaultSchema.tagNames ?? []).filter((name) => name !== 'input'),
    'abbr',
    'audio',
    'caption',
    'figcaption',
    'figure',
    'iframe',
    'mark',
    'small',
    'u',
    'video',
  ],
  // Elements removed together with their content; anything else not allowed is unwrapped.
  strip: [
    'applet',
    'embed',
    'frame',
    'frameset',
    'head',
    'math',
    'noembed',
    'noframes',
    'noscript',
    'object',
    'option',
    'plaintext',
    'script',
    'select',
    'style',
    'svg',
    'template',
    'textarea',
    'title',
    'xmp',
  ],
  ancestors: {
    ...defaultSchema.ancestors,
    source: ['audio', 'picture', 'video'],
    figcaption: ['figure'],
  },
  required: {},
  protocols: {
    href: ['http', 'https', 'mailto'],
    src: ['http', 'https'],
    cite: ['http', 'https'],
    poster: ['http', 'https'],
  },
  attributes: {
    a: [...aria, 'dataFootnoteBackref', 'dataFootnoteRef', ['className', 'data-footnote-backref'], 'href'],
    audio: ['src', 'controls', 'loop', 'muted', preload],
    blockquote: ['cite'],
    code: [['className', LANGUAGE_CLASS, 'math-inline', 'math-display']],
    del: ['cite'],
    details: ['open'],
    div: [presentational],
    dl: [...aria],
    figure: [presentational],
    h2: [['className', 'sr-only']],
    iframe: ['src', 'width', 'height', 'title', 'allow', 'allowFullScreen', 'frameBorder', loading],
    img: [...aria, 'src', 'alt', 'title', 'width', 'height', loading, presentational],
    ins: ['cite'],
    li: [['className', 'task-list-item', 'task-list-item-checked']],
    ol: [...aria, ['className', 'contains-task-list'], 'reversed'],
    p: [presentational],
    pre: [['className', LANGUAGE_CLASS]],
    q: ['cite'],
    section: ['dataFootnotes', ['className', 'footnotes']],
    source: ['src', 'type'],
    span: [presentational],
    summary: [...aria],
    table: [...aria],
    ul: [...aria, ['className', 'contains-task-list']],
    video: ['src', 'poster', 'controls', 'width', 'height', 'muted', 'loop', 'playsInline', 'autoPlay', preload],
    // Narrower than the default: no form attributes (action, method, accept…), no accessKey
    // or tabIndex (they let a post hijack keyboard navigation), no colour.
    '*': [
      'abbr',
      'align',
      'alt',
      'axis',
      'border',
      'cellPadding',
      'cellSpacing',
      'char',
      'charOff',
      'clear',
      'colSpan',
      'dateTime',
      'dir',
      'headers',
      'height',
      'hrefLang',
      'id',
      'lang',
      'name',
      'noShade',
      'noWrap',
      'rowSpan',
      'rules',
      'scope',
      'span',
      'start',
      'summary',
      'title',
      'vAlign',
      'width',
    ],
  },
};

function classList(node: Element): string[] {
  const value: unknown = node.properties.className;
  return Array.isArray(value) ? value.map(String) : typeof value === 'string' ? value.split(/\s+/) : [];
}

function isElement(node: unknown, tagName?: string): node is Element {
  return (
    typeof node === 'object' &&
    node !== null &&
    (node as { type?: unknown }).type === 'element' &&
    (tagName === undefined || (node as Element).tagName === tagName)
  );
}

function firstElementChild(node: Element): Element | undefined {
  for (const child of node.children) {
    if (isElement(child)) return child;
    if (child.type === 'text' && child.value.trim() !== '') return undefined;
  }
  return undefined;
}

type Parent = Root | Element;

/**
 * Depth-first over elements, children after their parent; returning `'remove'` drops the
 * element. A plain loop rather than unist-util-visit: these passes run several times per render
 * and visit's per-node bookkeeping dominated their cost.
 */
function eachElement(parent: Parent, visitor: (node: Element) => 'remove' | void): void {
  const { children } = parent;
  for (let index = 0; index < children.length; index += 1) {
    const child = children[index];
    if (child?.type !== 'element') continue;
    if (visitor(child) === 'remove') {
      children.splice(index, 1);
      index -= 1;
      continue;
    }
    eachElement(child, visitor);
  }
}

/**
 * GFM task items come out of remark-rehype as `<input>` elements, but `<input>` is not an
 * element a post may contain. Before raw HTML is parsed (so only Markdown-made nodes exist),
 * record the checkbox state as a class the sanitizer allows; it is turned back into a
 * checkbox afterwards.
 */
function rehypeStashTaskCheckboxes() {
  return (tree: Root) => {
    eachElement(tree, (node) => {
      if (node.tagName !== 'li' || !classList(node).includes('task-list-item')) return;
      const first = firstElementChild(node);
      const holder = first && first.tagName === 'p' ? first : node;
      const index = holder.children.findIndex((child) => isElement(child, 'input'));
      const input = holder.children[index];
      if (index < 0 || !isElement(input)) return;
      holder.children.splice(index, 1);
      if (input.properties.checked) node.properties.className = [...classList(node), 'task-list-item-checked'];
    });
  };
}

function rehypeRestoreTaskCheckboxes() {
  return (tree: Root) => {
    eachElement(tree, (node) => {
      if (node.tagName !== 'li') return;
      const classes = classList(node);
      if (!classes.includes('task-list-item')) return;
      const checkbox: Element = {
        type: 'element',
        tagName: 'input',
        properties: { type: 'checkbox', disabled: true, checked: classes.includes('task-list-item-checked') },
        children: [],
      };
      const first = firstElementChild(node);
      (first && first.tagName === 'p' ? first : node).children.unshift(checkbox);
    });
  };
}

function isExternalHref(href: string): boolean {
  return /^(?:https?:)?\/\//i.test(href);
}

/** Host allow-list for iframes, fixed security attributes on them, and rel on outbound links. */
function rehypeEmbedPolicy() {
  return (tree: Root) => {
    eachElement(tree, (node) => {
      if (node.tagName === 'iframe') {
        const src = node.properties.src;
        if (typeof src !== 'string' || !isAllowedIframeSrc(src)) return 'remove';
        const allow = typeof node.properties.allow === 'string' ? node.properties.allow : '';
        const features = allow
          .split(';')
          .map((feature) => feature.trim())
          .filter((feature) => IFRAME_ALLOWED_FEATURES.has(feature.toLowerCase()));
        node.properties.allow = features.length > 0 ? features.join('; ') : undefined;
        node.properties.sandbox = [...IFRAME_SANDBOX];
        node.properties.referrerPolicy = IFRAME_REFERRER_POLICY;
        node.properties.loading ??= 'lazy';
        // The iframe's raw-text content is never shown and must not reach the serializer.
        node.children = [];
        return;
      }
      if (node.tagName === 'a') {
        const href = node.properties.href;
        if (typeof href === 'string' && isExternalHref(href)) node.properties.rel = ['noopener', 'noreferrer'];
        return;
      }
      if (node.tagName === 'img') node.properties.loading ??= 'lazy';
    });
  };
}

// Heading slugs are left unprefixed so that URLs stay readable (#introduction), but a few
// names are read as globals by common scripts (`typeof process !== 'undefined'`), and a
// leading underscore is the convention for framework globals such as Next's `__next_f`;
// an element with that id would shadow them through named access on `window`.
const RISKY_SLUGS = new Set(['browser', 'chrome', 'define', 'exports', 'global', 'module', 'process', 'require']);

function rehypeGuardSlugs() {
  return (tree: Root) => {
    eachElement(tree, (node) => {
      if (!/^h[1-6]$/.test(node.tagName)) return;
      const id = node.properties.id;
      if (typeof id !== 'string' || id.startsWith(CLOBBER_PREFIX)) return;
      if (id.startsWith('_') || RISKY_SLUGS.has(id)) node.properties.id = CLOBBER_PREFIX + id;
    });
  };
}

/**
 * The sanitizer prefixes author-written ids (and footnote ids) with `user-content-`, which
 * breaks in-page links written against the unprefixed id; point such links at the prefixed
 * element when that is the only one that exists.
 */
function rehypeFragmentLinks() {
  return (tree: Root) => {
    const ids = new Set<string>();
    eachElement(tree, (node) => {
      if (typeof node.properties.id === 'string') ids.add(node.properties.id);
    });
    eachElement(tree, (node) => {
      const href = node.properties.href;
      if (node.tagName !== 'a' || typeof href !== 'string' || !href.startsWith('#')) return;
      const fragment = safeDecode(href.slice(1));
      if (fragment === '' || ids.has(fragment) || !ids.has(CLOBBER_PREFIX + fragment)) return;
      node.properties.href = `#${CLOBBER_PREFIX}${href.slice(1)}`;
    });
  };
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

function isHiddenHeading(node: Element): boolean {
  return classList(node).includes('sr-only');
}

// Runs before headings gain anchors and before KaTeX, so the text is what the author wrote.
function rehypeCollectToc() {
  return (tree: Root, file: VFile) => {
    const toc: TocEntry[] = [];
    eachElement(tree, (node) => {
      if (node.tagName !== 'h2' && node.tagName !== 'h3') return;
      const id = node.properties.id;
      if (typeof id !== 'string' || id === '' || isHiddenHeading(node)) return;
      const text = toString(node).replace(/\s+/g, ' ').trim();
      if (text !== '') toc.push({ depth: node.tagName === 'h2' ? 2 : 3, id, text });
    });
    (file.data as { toc?: TocEntry[] }).toc = toc;
  };
}

// Hidden from assistive technology and from the tab order: the heading itself is the target,
// and a "#" link read out after every heading is noise.
function rehypeHeadingAnchors() {
  return (tree: Root) => {
    eachElement(tree, (node) => {
      if (!/^h[1-6]$/.test(node.tagName) || isHiddenHeading(node)) return;
      const id = node.properties.id;
      if (typeof id !== 'string' || id === '') return;
      const anchor: ElementContent = {
        type: 'element',
        tagName: 'a',
        properties: { className: ['heading-anchor'], href: `#${id}`, ariaHidden: 'true', tabIndex: -1 },
        children: [{ type: 'text', value: '#' }],
      };
      node.children.push(anchor);
    });
  };
}

/** A code block that scrolls sideways must be reachable by keyboard (WCAG 2.1.1). */
function rehypeFocusableCode() {
  return (tree: Root) => {
    eachElement(tree, (node) => {
      if (node.tagName === 'pre') node.properties.tabIndex = 0;
    });
  };
}

// Built once: constructing and freezing the pipeline costs more than a typical render.
const processor = unified()
  .use(remarkParse)
  .use(remarkGfm)
  .use(remarkCjkFriendly)
  .use(remarkMath)
  .use(remarkRehype, { allowDangerousHtml: true, clobberPrefix: '' })
  .use(rehypeStashTaskCheckboxes)
  .use(rehypeRaw)
  .use(rehypeSanitize, sanitizeSchema)
  // Everything below is trusted: it only adds markup the site itself generates.
  .use(rehypeEmbedPolicy)
  .use(rehypeRestoreTaskCheckboxes)
  .use(rehypeSlug)
  .use(rehypeGuardSlugs)
  .use(rehypeFragmentLinks)
  .use(rehypeCollectToc)
  .use(rehypeHeadingAnchors)
  // Before KaTeX so it does not walk the large KaTeX output; math code is KaTeX's to render.
  .use(rehypeHighlight, { detect: false, plainText: ['math'] })
  .use(rehypeFocusableCode)
  // trust:false keeps \href, \url, \includegraphics and \html* disabled; maxSize caps \rule and
  // friends so a formula cannot cover the page; strict:'ignore' keeps KaTeX from logging.
  .use(rehypeKatex, { trust: false, strict: 'ignore', maxSize: 50, maxExpand: 1000 })
  .use(rehypeStringify)
  .freeze();

const FENCE = /^\s*(`{3,}|~{3,})/;
const MEDIA_TAG = /<(a|audio|iframe|img|source|video)(\s[^<>`]*)>/gi;
// Quoted values are matched too, so that text inside them is never taken for an attribute.
const ATTRIBUTE = /(\s+[^\s"'<>/=`]+)(?:(\s*=\s*)("[^"]*"|'[^']*'|[^\s"'<>`]+))?/g;

function quoteValue(match: string, name: string, equals?: string, value?: string): string {
  return equals && value && value[0] !== '"' && value[0] !== "'" ? `${name}${equals}"${value}"` : match;
}

/**
 * micromark ends an unquoted attribute value at `/`, unlike HTML, so `<video src=https://…>`
 * is not recognised as HTML and shows up as text. Quoting values in media and link tags
 * (outside fenced code and inline code) restores what a browser would have parsed; the
 * sanitizer still sees every attribute.
 */
function quoteUnquotedAttributes(markdown: string): string {
  if (!/=[^\s"'<>`]*\//.test(markdown)) return markdown;
  let fence: string | undefined;
  return markdown
    .split('\n')
    .map((line) => {
      const marker = FENCE.exec(line)?.[1];
      if (fence !== undefined) {
        if (marker && marker[0] === fence[0] && marker.length >= fence.length) fence = undefined;
        return line;
      }
      if (marker) {
        fence = marker;
        return line;
      }
      if (!line.includes('<')) return line;
      // Odd-numbered pieces sit between backticks, i.e. inside inline code.
      return line
        .split(/(`+[^`]*`+)/)
        .map((piece, index) =>
          index % 2 === 1
            ? piece
            : piece.replace(MEDIA_TAG, (_, name: string, attributes: string) =>
                `<${name}${attributes.replace(ATTRIBUTE, quoteValue)}>`,
              ),
        )
        .join('');
    })
    .join('\n');
}

/** Renders untrusted Markdown (with inline HTML) to sanitized HTML plus its h2/h3 outline. */
export function renderMarkdown(markdown: string): RenderedMarkdown {
  const file = processor.processSync(quoteUnquotedAttributes(markdown));
  const toc = (file.data as { toc?: TocEntry[] }).toc ?? [];
  return { html: String(file), toc };
}
