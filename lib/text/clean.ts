// The one text cleaner for user-written text (F13): invisible and bidi characters that could disguise text or
// reorder what people read are removed everywhere (single-line fields, multi-line text, markdown, search input,
// display-name keys). Pure; shared by client and server.

/**
 * Invisible characters, by Unicode property rather than a hand-kept list (a list always misses some: musical
 * formatting U+1D173–1D17A, interlinear annotations U+FFF9–FFFB and shorthand format controls U+1BCA0–1BCA3 all
 * slipped through one): every Default_Ignorable_Code_Point (zero-width, bidi marks/overrides/isolates, soft hyphen,
 * variation selectors, Hangul fillers, tags…), every format character (Cf), and the braille blank U+2800, a
 * "symbol" that renders as empty space. Ordinary spaces are none of these and stay.
 */
const INVISIBLE = /[\p{Default_Ignorable_Code_Point}\p{Cf}\u2800]/gu;

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
