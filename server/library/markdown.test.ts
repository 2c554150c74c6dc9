// F13: user markdown (articles, discussion descriptions) renders inert, whatever is typed into it.
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { Markdown, safeUrl } from '@/components/ui/markdown';

const render = (md: string, headingBase?: 1 | 2 | 3) => renderToStaticMarkup(createElement(Markdown, { headingBase, children: md }));

/** Every opening tag name and every attribute name in the output. */
function tagsAndAttributes(html: string) {
  const tags = [...html.matchAll(/<([a-zA-Z][\w-]*)/g)].map((m) => m[1].toLowerCase());
  const attrs = [...html.matchAll(/\s([a-zA-Z_:][\w:.-]*)=/g)].map((m) => m[1].toLowerCase());
  return { tags, attrs };
}

const ALLOWED_TAGS = new Set([
  'div',
  'p',
  'a',
  'span',
  'strong',
  'em',
  'ul',
  'ol',
  'li',
  'h2',
  'h3',
  'h4',
  'blockquote',
  'code',
  'pre',
  'del',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
  'hr',
  'br',
]);

describe('F13 markdown renders inert', () => {
  it('drops <script> blocks and inline scripts entirely', () => {
    const html = render('Hello\n\n<script>alert(1)</script>\n\nworld <script>fetch("/steal")</script> end');
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toContain('alert(1)');
    expect(html).toContain('Hello');
    expect(html).toContain('world');
  });

  it('drops <img onerror> and <svg onload>; no event-handler attribute survives', () => {
    const html = render('a <img src=x onerror="alert(1)"> b\n\n<svg onload="alert(2)"><circle/></svg>\n\n![tracker](https://evil.example/pixel.png)');
    const { tags, attrs } = tagsAndAttributes(html);
    expect(tags).not.toContain('img');
    expect(tags).not.toContain('svg');
    expect(attrs.filter((a) => a.startsWith('on'))).toEqual([]);
    expect(html).not.toContain('evil.example');
  });

  it('drops raw HTML (iframes, styles, forms, inline handlers) but keeps the surrounding markdown', () => {
    const html = render(
      '**bold** <iframe src="https://evil.example"></iframe>\n\n<style>body{display:none}</style>\n\n<form action="https://evil.example"><button>Go</button></form>\n\n<a href="https://evil.example" onclick="x()">raw link</a> _done_',
    );
    const { tags, attrs } = tagsAndAttributes(html);
    for (const t of tags) expect(ALLOWED_TAGS, `unexpected <${t}>`).toContain(t);
    expect(attrs.filter((a) => a.startsWith('on') || a === 'style' || a === 'action' || a === 'src')).toEqual([]);
    expect(html).toContain('<strong>bold</strong>');
    expect(html).toContain('<em>done</em>');
    expect(html).not.toContain('evil.example');
  });

  it('removes javascript:, data: and vbscript: links, also disguised, keeping their text', () => {
    const cases = [
      '[click](javascript:alert(1))',
      '[click](JaVaScRiPt:alert(1))',
      '[click](java&#x09;script:alert(1))',
      '[click](  javascript:alert(1))',
      '[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
      '[click](vbscript:msgbox(1))',
      '[click](<javascript:alert(1)>)',
      '<javascript:alert(1)>',
      '[click][ref]\n\n[ref]: javascript:alert(1)',
    ];
    for (const md of cases) {
      const html = render(md);
      // The text may stay visible (inert), but nothing is a link or carries the URL in an attribute.
      expect(html, md).not.toMatch(/<a[\s>]/i);
      expect(html, md).not.toMatch(/="[^"]*(javascript|data|vbscript):/i);
    }
    expect(render('[click](javascript:alert(1))')).toBe('<div class="break-words text-stone-800 "><p class="my-4 leading-7"><span>click</span></p></div>');
  });

  it('keeps safe links; absolute ones get rel="noopener noreferrer nofollow"', () => {
    const html = render('[study](https://doi.org/10.1038/s41591-021-01336-3), [home](/library) and https://example.org/auto');
    expect(html).toContain(
      'href="https://doi.org/10.1038/s41591-021-01336-3" class="text-ember-700 underline hover:text-ember-800" rel="noopener noreferrer nofollow"',
    );
    expect(html).toMatch(/<a href="\/library" class="[^"]*">home<\/a>/);
    expect(html).not.toMatch(/href="\/library"[^>]*rel=/);
    expect(html).toMatch(/href="https:\/\/example.org\/auto"[^>]*rel="noopener noreferrer nofollow"/);
  });

  it('strips bidi overrides and zero-width characters from text and links', () => {
    const html = render('safe\u202etxt.exe and in\u200bvis\u200dible \u2066isolate\u2069 [li\u200bnk](https://exa\u200bmple.org/\u202e)');
    expect(html).not.toMatch(/[\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/);
    expect(html).toContain('safetxt.exe');
    expect(html).toContain('invisible');
    expect(html).toContain('href="https://example.org/"');
  });

  it('clobbers ids (no DOM clobbering of the page) and never emits a style attribute', () => {
    const html = render('<a id="main" name="main">x</a>\n\n| a | b |\n|:--|--:|\n| 1 | 2 |');
    expect(html).not.toMatch(/\sid="main"/);
    expect(html).not.toMatch(/\sname="main"/);
    expect(html).toContain('<table');
  });

  it('fits markdown headings under the page outline ("#" and "##" at the base level, "###" below)', () => {
    expect(render('# Top\n\n## Next\n\n### Sub', 3)).toMatch(/<h3[^>]*>Top<\/h3>\s*<h3[^>]*>Next<\/h3>\s*<h4[^>]*>Sub<\/h4>/);
    expect(render('## Top\n\n###### Deep')).toMatch(/<h2[^>]*>Top<\/h2>\s*<h6[^>]*>Deep<\/h6>/);
    expect(render('# One')).not.toMatch(/<h1/);
  });
});

describe('safeUrl', () => {
  it('keeps same-site paths, fragments, http(s) and mailto; turns protocol-relative into https', () => {
    expect(safeUrl('/discussions/abc')).toBe('/discussions/abc');
    expect(safeUrl('#refs')).toBe('#refs');
    expect(safeUrl('https://doi.org/10.1/x')).toBe('https://doi.org/10.1/x');
    expect(safeUrl('mailto:care@example.org')).toBe('mailto:care@example.org');
    expect(safeUrl('//example.org/x')).toBe('https://example.org/x');
  });

  it('refuses everything else', () => {
    for (const bad of [
      'javascript:alert(1)',
      ' JAVASCRIPT:alert(1)',
      'java\tscript:alert(1)',
      'data:text/html,x',
      'vbscript:x',
      'file:///etc/passwd',
      '/\\evil.example',
      'relative/path',
      'https://trusted.example@evil.example/',
      '//user:pw@evil.example/',
    ]) {
      expect(safeUrl(bad), bad).toBe('');
    }
  });
});
