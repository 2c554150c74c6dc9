// The one text cleaner for user-written text (F13): invisible and bidi characters that could disguise text or
// reorder what people read are removed everywhere (single-line fields, multi-line text, markdown, search input,
// display-name keys). Pure; shared by client and server.

/**
 * Invisible format characters: soft hyphen, combining grapheme joiner, Arabic letter mark, Hangul fillers,
 * Khmer inherent vowels, Mongolian variation selectors and vowel separator, zero-width space/joiners, LRM/RLM,
 * bidi embeddings and overrides (U+202A–202E), word joiner, invisible operators, bidi isolates and deprecated
 * format controls (U+2060–206F), variation selectors, BOM, half-width Hangul filler, and tag characters
 * (U+E0000–E007F, invisible letters used to smuggle text).
 */
const INVISIBLE_CLASS =
  '\\u00ad\\u034f\\u061c\\u115f\\u1160\\u17b4\\u17b5\\u180b-\\u180f\\u200b-\\u200f\\u202a-\\u202e\\u2060-\\u206f\\u3164\\ufe00-\\ufe0f\\ufeff\\uffa0\\u{e0000}-\\u{e007f}';
const INVISIBLE = new RegExp(`[${INVISIBLE_CLASS}]`, 'gu');

/** C0 and C1 control characters except the whitespace ones (tab, line feed, vertical tab, form feed, CR). */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point (they are removed)
const CONTROL_NOT_SPACE = /[\u0000-\u0008\u000e-\u001f\u007f-\u009f]/g;
/** Control characters a multi-line text may not keep: all but tab and line feed. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point (they are removed)
const CONTROL_NOT_TAB_LF = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

/** Removes invisible and bidi characters only (the text is otherwise untouched). */
export function stripInvisible(s: string): string {
  return s.replace(INVISIBLE, '');
}

/** One line of text (names, titles, questions, reasons): NFC, no invisible or control characters, single spaces. */
export function cleanText(s: string): string {
  return stripInvisible(s.normalize('NFC')).replace(CONTROL_NOT_SPACE, '').replace(/\s+/g, ' ').trim();
}

/**
 * Multi-line text (descriptions, agreements, markdown): NFC, Unix line endings, no invisible characters and no
 * control characters other than tab and line feed.
 */
export function cleanMultiline(s: string): string {
  return stripInvisible(s.normalize('NFC')).replace(/\r\n?/g, '\n').replace(CONTROL_NOT_TAB_LF, '').trim();
}
