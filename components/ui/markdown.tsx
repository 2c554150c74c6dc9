// Renders user-written markdown (articles, discussion descriptions) safely (F13): raw HTML is dropped, the HTML
// tree is sanitised with an allow-list, only http(s)/mailto/relative links survive, images are not loaded,
// zero-width and bidi-control characters are removed, and absolute links get rel="noopener noreferrer nofollow".
// Works in server and client components (the editor's live preview uses the same renderer).
import type { ComponentPropsWithoutRef, ReactNode } from 'react';
import ReactMarkdown, { type Components } from 'react-markdown';
import rehypeSanitize, { defaultSchema } from 'rehype-sanitize';
import remarkGfm from 'remark-gfm';
import { stripInvisible } from '@/lib/text/clean';
import { isHttpUrl } from '@/lib/url';

type HastNode = { type: string; value?: string; properties?: Record<string, unknown>; children?: HastNode[] };

/** A rehype plugin: removes invisible characters from every text node and attribute value. */
function rehypeStripInvisible() {
  const walk = (node: HastNode) => {
    if (typeof node.value === 'string') node.value = stripInvisible(node.value);
    if (node.properties) {
      for (const [k, v] of Object.entries(node.properties)) {
        if (typeof v === 'string') node.properties[k] = stripInvisible(v);
      }
    }
    node.children?.forEach(walk);
  };
  return (tree: HastNode) => walk(tree);
}

const BLOCKED_TAGS = new Set(['img', 'picture', 'source', 'input', 'video', 'audio', 'iframe']);

// GitHub's allow-list (no scripts, styles, event handlers or forms) minus anything that loads remote content
// (an image would tell a third party who is reading about their mental health), and links limited to
// http(s) and mailto.
const sanitizeSchema = {
  ...defaultSchema,
  tagNames: (defaultSchema.tagNames ?? []).filter((t) => !BLOCKED_TAGS.has(t)),
  protocols: { ...defaultSchema.protocols, href: ['http', 'https', 'mailto'] },
};

/** Keeps same-site paths, fragments, http(s) without credentials (lib/url.ts) and mailto; everything else (javascript:, data:, vbscript:, …) becomes ''. */
export function safeUrl(raw: string): string {
  const v = stripInvisible(raw).trim();
  if (v.startsWith('#') || (v.startsWith('/') && !v.startsWith('//') && !v.startsWith('/\\'))) return v;
  try {
    const u = new URL(v.startsWith('//') ? `https:${v}` : v);
    if (isHttpUrl(u.href) || u.protocol === 'mailto:') return u.href;
  } catch {
    // not a URL we understand: dropped below
  }
  return '';
}

const isAbsolute = (href: string) => /^(https?:|mailto:)/i.test(href);

type HeadingLevel = 1 | 2 | 3 | 4 | 5 | 6;

const headingClass: Record<HeadingLevel, string> = {
  1: 'mt-8 mb-3 text-2xl font-semibold text-stone-900',
  2: 'mt-8 mb-3 text-xl font-semibold text-stone-900',
  3: 'mt-6 mb-2 text-lg font-semibold text-stone-900',
  4: 'mt-5 mb-2 text-base font-semibold text-stone-900',
  5: 'mt-4 mb-2 text-base font-semibold text-stone-800',
  6: 'mt-4 mb-2 text-sm font-semibold uppercase tracking-wide text-stone-700',
};

type Rest<T extends keyof React.JSX.IntrinsicElements> = ComponentPropsWithoutRef<T> & { node?: unknown };

/** A markdown heading at the page's level: "#" and "##" both become the base level ("##" is the usual top heading inside a text), "###" one below, … */
function Heading({ node: _node, children, base, md, ...rest }: Rest<'h1'> & { base: HeadingLevel; md: number }) {
  const level = Math.min(6, base + Math.max(md, 2) - 2) as HeadingLevel;
  const Tag = `h${level}` as const;
  return (
    <Tag {...rest} className={headingClass[level]}>
      {children}
    </Tag>
  );
}

function components(headingBase: HeadingLevel): Components {
  const heading = (md: number) => (props: Rest<'h1'>) => <Heading {...props} base={headingBase} md={md} />;
  return {
    h1: heading(1),
    h2: heading(2),
    h3: heading(3),
    h4: heading(4),
    h5: heading(5),
    h6: heading(6),
    p: ({ node: _n, ...rest }: Rest<'p'>) => <p {...rest} className="my-4 leading-7" />,
    ul: ({ node: _n, ...rest }: Rest<'ul'>) => <ul {...rest} className="my-4 list-disc space-y-1 pl-6 leading-7" />,
    ol: ({ node: _n, ...rest }: Rest<'ol'>) => <ol {...rest} className="my-4 list-decimal space-y-1 pl-6 leading-7" />,
    blockquote: ({ node: _n, ...rest }: Rest<'blockquote'>) => <blockquote {...rest} className="my-4 border-l-4 border-ember-200 pl-4 italic text-stone-700" />,
    code: ({ node: _n, className, ...rest }: Rest<'code'>) => (
      <code {...rest} className={`${className ?? ''} rounded bg-stone-100 px-1 py-0.5 font-mono text-[0.9em]`} />
    ),
    pre: ({ node: _n, ...rest }: Rest<'pre'>) => <pre {...rest} className="my-4 overflow-x-auto rounded-md bg-stone-100 p-3 text-sm" />,
    hr: ({ node: _n, ...rest }: Rest<'hr'>) => <hr {...rest} className="my-6 border-stone-200" />,
    table: ({ node: _n, ...rest }: Rest<'table'>) => (
      <div className="my-4 overflow-x-auto">
        <table {...rest} className="min-w-full border-collapse text-sm" />
      </div>
    ),
    th: ({ node: _n, ...rest }: Rest<'th'>) => <th {...rest} className="border border-stone-300 bg-stone-100 px-2 py-1 text-left" />,
    td: ({ node: _n, ...rest }: Rest<'td'>) => <td {...rest} className="border border-stone-300 px-2 py-1 align-top" />,
    a: ({ node: _n, href, children, ...rest }: Rest<'a'>) => {
      const safe = href ? safeUrl(href) : '';
      if (!safe) return <span>{children as ReactNode}</span>;
      return (
        <a
          {...rest}
          href={safe}
          className="text-ember-700 underline hover:text-ember-800"
          {...(isAbsolute(safe) ? { rel: 'noopener noreferrer nofollow' } : {})}
        >
          {children}
        </a>
      );
    },
  };
}

// Built once per heading level: a components map made during render would remount every element on each render.
const COMPONENTS = Object.fromEntries(([1, 2, 3, 4, 5, 6] as const).map((base) => [base, components(base)])) as Record<HeadingLevel, Components>;

type Props = {
  /** The markdown text. */
  children: string;
  /** The level a top markdown heading ("#" or "##") becomes, so the page's own outline stays in order. */
  headingBase?: HeadingLevel;
  className?: string;
};

export function Markdown({ children, headingBase = 2, className = '' }: Props) {
  return (
    <div className={`break-words text-stone-800 ${className}`}>
      <ReactMarkdown
        remarkPlugins={[remarkGfm]}
        rehypePlugins={[rehypeStripInvisible, [rehypeSanitize, sanitizeSchema]]}
        skipHtml
        urlTransform={safeUrl}
        components={COMPONENTS[headingBase]}
      >
        {stripInvisible(children)}
      </ReactMarkdown>
    </div>
  );
}
