import { describe, expect, it } from 'vitest';
import { ALLOWED_IFRAME_HOSTS, isAllowedIframeSrc, renderMarkdown, stripLeadingTitle } from '@/lib/markdown/render';

const html = (markdown: string) => renderMarkdown(markdown).html;

describe('renderMarkdown: Markdown features', () => {
  it('makes Chinese bold and italic that ends on full-width punctuation, as a Chinese writer means it', () => {
    expect(html('**请带上：**笔记本电脑和充电器。')).toContain('<strong>请带上：</strong>笔记本电脑和充电器。');
    expect(html('这是*“重点”*内容')).toContain('<em>“重点”</em>内容');
    // English is unchanged.
    expect(html('a **bold** word and 2*3*4')).toContain('a <strong>bold</strong> word and 2<em>3</em>4');
  });

  it('renders a GFM table with column alignment', () => {
    const out = html('| Model | Params |\n|:--|--:|\n| BERT | 110M |\n');
    expect(out).toContain('<table>');
    expect(out).toContain('<th align="left">Model</th>');
    expect(out).toContain('<td align="right">110M</td>');
  });

  it('highlights fenced code that names a language, on the server', () => {
    const out = html('```python\ndef train(model):\n    return model\n```\n');
    expect(out).toContain('<code class="hljs language-python">');
    expect(out).toContain('<span class="hljs-keyword">def</span>');
  });

  it('leaves fenced code without a language as plain, escaped text', () => {
    const out = html('```\nif (a < b) { run() }\n```\n');
    expect(out).toBe('<pre tabindex="0"><code>if (a &#x3C; b) { run() }\n</code></pre>');
  });

  it('does not fail on an unknown code language', () => {
    const out = html('```not-a-language\nsome code\n```\n');
    expect(out).toContain('some code');
    expect(out).not.toContain('hljs-');
  });

  it('renders display and inline math with KaTeX', () => {
    const out = html('$$\nE=mc^2\n$$\n\nInline $x^2$ and $$E=mc^2$$ here.\n');
    expect(out).toContain('class="katex-display"');
    expect(out.match(/class="katex"/g)).toHaveLength(3);
    expect(out).toContain('<annotation encoding="application/x-tex">x^2</annotation>');
    expect(out).not.toContain('$');
  });

  it('renders a ```math fence as display math', () => {
    expect(html('```math\n\\frac{a}{b}\n```\n')).toContain('class="katex-display"');
  });

  it('gives headings ids and lists h2 and h3 in the table of contents', () => {
    const { html: out, toc } = renderMarkdown(
      '# Title\n\n## Introduction\n\ntext\n\n### Data *sets*\n\n#### Too deep\n\n## 中文 标题\n',
    );
    expect(out).toContain('<h2 id="introduction">Introduction');
    expect(out).toContain('<h4 id="too-deep">');
    expect(toc).toEqual([
      { depth: 2, id: 'introduction', text: 'Introduction' },
      { depth: 3, id: 'data-sets', text: 'Data sets' },
      { depth: 2, id: '中文-标题', text: '中文 标题' },
    ]);
  });

  it('adds a hidden anchor link inside each heading that is not part of the toc text', () => {
    const { html: out, toc } = renderMarkdown('## Results\n');
    expect(out).toBe(
      '<h2 id="results">Results<a class="heading-anchor" href="#results" aria-hidden="true" tabindex="-1">#</a></h2>',
    );
    expect(toc[0]?.text).toBe('Results');
  });

  it('makes repeated headings unique, and the same on every render', () => {
    const source = '## Setup\n\n## Setup\n';
    const first = renderMarkdown(source).toc.map((entry) => entry.id);
    const second = renderMarkdown(source).toc.map((entry) => entry.id);
    expect(first).toEqual(['setup', 'setup-1']);
    expect(second).toEqual(first);
  });

  it('keeps math source text in the toc rather than KaTeX markup', () => {
    expect(renderMarkdown('## Scaling $O(n^2)$\n').toc).toEqual([{ depth: 2, id: 'scaling-on2', text: 'Scaling O(n^2)' }]);
  });

  it('moves a heading slug that would shadow a script global out of the way', () => {
    const { html: out, toc } = renderMarkdown('## process\n\n## __next_f\n\n## Conclusion\n');
    expect(toc.map((entry) => entry.id)).toEqual(['user-content-process', 'user-content-__next_f', 'conclusion']);
    expect(out).toContain('href="#user-content-process"');
  });

  it('links footnote references to footnotes that exist, and back', () => {
    const out = html('Claim.[^1]\n\n[^1]: Source.\n');
    const ref = /<a href="#([^"]+)" id="([^"]+)" data-footnote-ref/.exec(out);
    expect(ref).not.toBeNull();
    expect(out).toContain(`<li id="${ref?.[1]}">`);
    expect(out).toContain(`href="#${ref?.[2]}"`);
    expect(ref?.[1]).toMatch(/^user-content-/);
  });

  it('points in-page links at author ids after they are prefixed', () => {
    const out = html('<a id="table-1"></a>\n\nSee [the table](#table-1).\n');
    expect(out).toContain('id="user-content-table-1"');
    expect(out).toContain('<a href="#user-content-table-1">the table</a>');
  });

  it('renders task lists as disabled checkboxes that keep their state', () => {
    const out = html('- [x] done\n- [ ] todo\n');
    expect(out).toContain('<input type="checkbox" disabled checked> done');
    expect(out).toContain('<input type="checkbox" disabled> todo');
  });

  it('drops Hugging Face metadata placeholders', () => {
    const out = html('<!-- {blog_metadata} -->\n<!-- {authors} -->\n\nHello\n');
    expect(out).not.toContain('blog_metadata');
    expect(out).not.toContain('authors');
    expect(out).toContain('<p>Hello</p>');
  });

  it('keeps details, sup, sub, kbd, mark and centred paragraphs', () => {
    const out = html(
      '<details><summary>More</summary>\n\nHidden\n\n</details>\n\nH<sub>2</sub>O x<sup>2</sup> <kbd>Ctrl</kbd> <mark>hi</mark>\n\n<p align="center">centred</p>\n',
    );
    for (const fragment of ['<details><summary>More</summary>', '<sub>2</sub>', '<sup>2</sup>', '<kbd>Ctrl</kbd>', '<mark>hi</mark>', '<p align="center">centred</p>']) {
      expect(out).toContain(fragment);
    }
  });

  it('renders nothing for empty input', () => {
    expect(renderMarkdown('')).toEqual({ html: '', toc: [] });
  });
});

describe('renderMarkdown: embedded media', () => {
  it('keeps a Hugging Face figure intact', () => {
    const out = html(
      '<figure class="image text-center">\n  <img src="https://huggingface.co/blog/assets/x/diagram.png" alt="Diagram">\n  <figcaption>How it works</figcaption>\n</figure>\n',
    );
    expect(out).toContain('<figure class="image text-center">');
    expect(out).toContain('<img src="https://huggingface.co/blog/assets/x/diagram.png" alt="Diagram" loading="lazy">');
    expect(out).toContain('<figcaption>How it works</figcaption>');
  });

  it('drops class names that could take over the page layout', () => {
    const out = html('<div class="fixed inset-0 z-50 flex justify-center">x</div>\n');
    expect(out).toContain('<div class="flex justify-center">x</div>');
  });

  it('keeps a video with unquoted attributes', () => {
    const out = html('<video controls src=https://example.com/demo.mp4></video>\n');
    expect(out).toContain('<video controls src="https://example.com/demo.mp4"></video>');
  });

  it('leaves quoted attribute values alone while quoting unquoted ones', () => {
    const out = html('<img title="a b=c/d" alt=\'x=/y\' src=https://example.com/i.png?w=1>\n');
    expect(out).toContain('<img title="a b=c/d" alt="x=/y" src="https://example.com/i.png?w=1" loading="lazy">');
  });

  it('does not rewrite HTML shown as code', () => {
    const out = html('`<video src=https://x.example/v.mp4>`\n\n```html\n<video src=https://x.example/v.mp4>\n```\n');
    expect(out).not.toContain('"https://x.example/v.mp4"');
    expect(out).toContain('<code>&#x3C;video src=https://x.example/v.mp4></code>');
    expect(out).toContain('<span class="hljs-string">https://x.example/v.mp4</span>');
  });

  it('keeps a video with a source child', () => {
    const out = html(
      '<video controls muted loop playsinline poster="https://example.com/p.jpg">\n<source src="https://example.com/a.webm" type="video/webm">\n</video>\n',
    );
    expect(out).toContain('<video controls muted loop playsinline poster="https://example.com/p.jpg">');
    expect(out).toContain('<source src="https://example.com/a.webm" type="video/webm">');
  });

  it('keeps a YouTube iframe, sandboxed, with only harmless permissions', () => {
    const out = html(
      '<iframe width="560" height="315" src="https://www.youtube.com/embed/abc123" title="Demo" frameborder="0" allow="autoplay; camera; encrypted-media; microphone" allowfullscreen></iframe>\n',
    );
    expect(out).toContain('src="https://www.youtube.com/embed/abc123"');
    expect(out).toContain('sandbox="allow-scripts allow-same-origin allow-popups allow-presentation"');
    expect(out).toContain('referrerpolicy="strict-origin-when-cross-origin"');
    expect(out).toContain('allow="autoplay; encrypted-media"');
    expect(out).toContain('allowfullscreen');
    expect(out).toContain('title="Demo"');
  });

  it('keeps iframes from Spaces and Bilibili', () => {
    expect(html('<iframe src="https://gradio-demo.hf.space/"></iframe>\n')).toContain('<iframe src="https://gradio-demo.hf.space/"');
    expect(html('<iframe src="https://player.bilibili.com/player.html?bvid=BV1"></iframe>\n')).toContain('<iframe');
  });

  it.each([
    'https://evil.example/embed',
    'https://www.youtube.com.evil.example/embed/x',
    'http://www.youtube.com/embed/x',
    '//www.youtube.com/embed/x',
    'https://www.youtube.com:8443/embed/x',
    'https://hf.space/',
    'https://evilhf.space/',
    '/relative/frame',
  ])('removes an iframe pointing at %s', (src) => {
    const out = html(`<iframe src="${src}">fallback</iframe>\n\nAfter\n`);
    expect(out).not.toContain('<iframe');
    expect(out).not.toContain('fallback');
    expect(out).toContain('<p>After</p>');
  });

  it('exports the allow-list it enforces', () => {
    expect(ALLOWED_IFRAME_HOSTS).toContain('www.youtube-nocookie.com');
    expect(isAllowedIframeSrc('https://www.youtube-nocookie.com/embed/x')).toBe(true);
    expect(isAllowedIframeSrc('https://a.b.hf.space/')).toBe(true);
    expect(isAllowedIframeSrc('javascript:alert(1)')).toBe(false);
  });

  it('marks links to other sites noopener noreferrer and drops target', () => {
    const out = html('[site](https://example.com) [page](/en/posts/x) <a href="https://example.com" target="_blank">t</a>\n');
    expect(out).toContain('<a href="https://example.com" rel="noopener noreferrer">site</a>');
    expect(out).toContain('<a href="/en/posts/x">page</a>');
    expect(out).not.toContain('target=');
  });
});

describe('stripLeadingTitle', () => {
  it('removes a first Markdown heading equal to the title', () => {
    expect(stripLeadingTitle('# Fine-tuning LLMs\n\nBody text.\n', ' fine-tuning llms ')).toBe('Body text.\n');
  });

  it('removes a first HTML heading equal to the title, entities decoded', () => {
    expect(stripLeadingTitle('\n<h1>Q&amp;A with Llama</h1>\n\nBody\n', 'Q&A with Llama')).toBe('Body\n');
  });

  it('removes a setext heading and a heading with closing hashes', () => {
    expect(stripLeadingTitle('My Post\n=======\n\nBody\n', 'My Post')).toBe('Body\n');
    expect(stripLeadingTitle('# My Post ##\nBody\n', 'My Post')).toBe('Body\n');
  });

  it('keeps the heading when it differs from the title or is not first', () => {
    const different = '# Another Title\n\nBody\n';
    expect(stripLeadingTitle(different, 'My Post')).toBe(different);
    const notFirst = 'Intro\n\n# My Post\n';
    expect(stripLeadingTitle(notFirst, 'My Post')).toBe(notFirst);
    const secondLevel = '## My Post\n\nBody\n';
    expect(stripLeadingTitle(secondLevel, 'My Post')).toBe(secondLevel);
  });
});

describe('renderMarkdown: keyboard access', () => {
  it('makes code blocks focusable so a keyboard can scroll them', () => {
    expect(html('```python\nprint(1)\n```\n')).toMatch(/^<pre tabindex="0">/);
  });
});
