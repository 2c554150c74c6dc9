// Turns whatever a visitor types into a search box into safe full-text query syntax for both dialects, and
// highlighted snippets back into plain segments. Pure functions: fuzzed without a database too.
//
// The rule: words are runs of letters and digits (anything else separates them and is never passed on);
// "double-quoted words" form a phrase; all terms must match (AND). No operator, column filter, prefix or
// NEAR syntax reaches the database, so no input can cause a syntax error or change the query's meaning.
import { SEARCH_QUERY_MAX_CHARS, type Segment } from '@/lib/search/schema';
import { stripInvisible } from '@/lib/text/clean';

const SEARCH_MAX_TERMS = 12;
const WORD_MAX_CHARS = 64;

/** A search term: one word, or several words that must appear together in this order. */
export type SearchTerm = { words: string[] };

const WORD = /[\p{L}\p{N}]+/gu;

/** The terms of a query, or null when nothing searchable is left (empty input → no results, no query). */
export function parseSearchQuery(raw: unknown): SearchTerm[] | null {
  if (typeof raw !== 'string') return null;
  // Count code points, so a cut never leaves half a surrogate pair behind.
  const text = stripInvisible(Array.from(raw).slice(0, SEARCH_QUERY_MAX_CHARS).join('').normalize('NFKC')).toLowerCase();
  const terms: SearchTerm[] = [];
  const seen = new Set<string>();
  // A quoted phrase (an unclosed quote runs to the end), or a run of anything but whitespace and quotes.
  for (const m of text.matchAll(/"([^"]*)"?|[^\s"]+/g)) {
    const quoted = m[1] !== undefined;
    const words = ((quoted ? m[1] : m[0]).match(WORD) ?? []).map((w) => w.slice(0, WORD_MAX_CHARS));
    const groups = quoted ? [words] : words.map((w) => [w]);
    for (const g of groups) {
      if (g.length === 0) continue;
      const key = g.join(' ');
      if (seen.has(key)) continue;
      seen.add(key);
      terms.push({ words: g });
      if (terms.length === SEARCH_MAX_TERMS) return terms;
    }
  }
  return terms.length ? terms : null;
}

/** SQLite FTS5 MATCH expression: every term a double-quoted string (never an operator), implicitly ANDed. */
export function toFts5Query(terms: SearchTerm[]): string {
  return terms.map((t) => `"${t.words.join(' ')}"`).join(' ');
}

/** PostgreSQL to_tsquery() text: quoted lexemes, phrases joined with <->, terms with &. */
export function toTsQuery(terms: SearchTerm[]): string {
  return terms.map((t) => (t.words.length === 1 ? `'${t.words[0]}'` : `(${t.words.map((w) => `'${w}'`).join(' <-> ')})`)).join(' & ');
}

// ── Highlighted snippets ───────────────────────────────────────────────────────────────────────────────────

/** Private-use characters the databases put around matches; stripped from stored library text on the way in. */
export const HIT_START = '\ue000';
export const HIT_END = '\ue001';

// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters become spaces in a snippet
const SNIPPET_CONTROL = /[\u0000-\u001f\u007f]/g;

/** Markdown syntax that would only be noise in a one-line snippet. */
function plain(s: string): string {
  return stripInvisible(s)
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1') // [text](url) → text
    .replace(/\]\([^)\s]*\)?/g, '') // the tail of a link cut by the snippet window
    .replace(/(^|\n)[ \t]*(?:[-+*]|\d{1,3}[.)])[ \t]+/g, '$1') // list markers at the start of a line
    .replace(/(^|\s)#{1,6}\s/g, '$1') // heading marks
    .replace(/[*_`~]{1,3}/g, '') // emphasis, code, strike
    .replace(/(^|\s)>\s/g, '$1') // blockquote marks
    .replace(/[[\]]/g, '')
    .replace(SNIPPET_CONTROL, ' ');
}

/** Splits marker-delimited text into segments; unbalanced or nested markers never leak into the text. */
export function toSegments(marked: string): Segment[] {
  const segments: Segment[] = [];
  let hit = false;
  let buf = '';
  const flush = () => {
    const text = plain(buf);
    buf = '';
    if (!text) return;
    const last = segments[segments.length - 1];
    if (last && last.hit === hit) last.text += text;
    else segments.push({ text, hit });
  };
  for (const ch of marked) {
    if (ch === HIT_START || ch === HIT_END) {
      flush();
      hit = ch === HIT_START;
    } else buf += ch;
  }
  flush();
  // Collapse whitespace across segment boundaries and trim the ends.
  const out: Segment[] = [];
  for (const s of segments) {
    const text = s.text.replace(/\s+/g, ' ');
    if (text) out.push({ text, hit: s.hit && text.trim() !== '' });
  }
  if (out.length) {
    out[0].text = out[0].text.trimStart();
    out[out.length - 1].text = out[out.length - 1].text.trimEnd();
  }
  return out.filter((s) => s.text !== '');
}

/** Plain text of segments (for comparisons and accessible names). */
export const segmentsText = (segments: Segment[]) => segments.map((s) => s.text).join('');
