// F13: the one text cleaner leaves no invisible, bidi or control character in any user text.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cleanMultiline, cleanText, stripInvisible } from './clean';

// Written out here (not imported): every character that can hide or reorder text.
const INVISIBLE = [
  '\u00ad',
  '\u034f',
  '\u061c',
  '\u115f',
  '\u1160',
  '\u17b4',
  '\u17b5',
  '\u180b',
  '\u180e',
  '\u180f',
  '\u200b',
  '\u200c',
  '\u200d',
  '\u200e',
  '\u200f',
  '\u202a',
  '\u202b',
  '\u202c',
  '\u202d',
  '\u202e',
  '\u2060',
  '\u2061',
  '\u2064',
  '\u2066',
  '\u2067',
  '\u2068',
  '\u2069',
  '\u206a',
  '\u206f',
  '\u3164',
  '\ufe00',
  '\ufe0f',
  '\ufeff',
  '\uffa0',
  '\u{e0001}',
  '\u{e0041}',
  '\u{e007f}',
  // Missed by the old hand-kept list: musical formatting, interlinear annotations, shorthand format controls,
  // braille blank, more variation selectors and other format characters.
  '\u{1d173}',
  '\u{1d17a}',
  '\ufff9',
  '\ufffa',
  '\ufffb',
  '\u{1bca0}',
  '\u{1bca3}',
  '\u2800',
  '\u{e0100}',
  '\u{e01ef}',
  '\u0600',
  '\u{13430}',
];
// One code point per class member on purpose (controls, a lone combining joiner): it checks the cleaner left none behind.
const LEFTOVER =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: see above
  // biome-ignore lint/suspicious/noMisleadingCharacterClass: see above
  /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u00ad\u034f\u0600-\u0605\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u202a-\u202e\u2060-\u206f\u2800\u3164\ufe00-\ufe0f\ufeff\uffa0\ufff0-\ufffb]|[\u{1bca0}-\u{1bca3}\u{1d173}-\u{1d17a}\u{e0000}-\u{e0fff}]/u;

describe('stripInvisible', () => {
  it('removes every invisible and bidi character, and nothing else', () => {
    for (const c of INVISIBLE) expect(stripInvisible(`a${c}b`), `U+${c.codePointAt(0)!.toString(16)}`).toBe('ab');
    expect(stripInvisible('Zoë – ünïcode, emoji 🔥, CJK 火, Arabic مرحبا')).toBe('Zoë – ünïcode, emoji 🔥, CJK 火, Arabic مرحبا');
  });

  it('keeps ordinary spaces, including no-break and ideographic ones (they are whitespace, for cleanText to fold)', () => {
    expect(stripInvisible('a b\u00a0c\u3000d\te')).toBe('a b\u00a0c\u3000d\te');
  });

  it('catches the characters the old per-field regexes missed (soft hyphen, Arabic letter mark, tags, fillers)', () => {
    expect(stripInvisible('ad\u00admin \u061cx \u3164y \u{e0069}\u{e0067}z')).toBe('admin x y z');
  });
});

describe('cleanText', () => {
  it('makes one line: whitespace runs (tabs, newlines) become one space, controls go, ends trimmed', () => {
    expect(cleanText('  Sam\tLindqvist \r\n ok\u0007 ')).toBe('Sam Lindqvist ok');
    expect(cleanText('Ma\ufeffya\u202e Oka\u200bfor')).toBe('Maya Okafor');
    expect(cleanText('Maya\u{1d173} Oka\ufff9for\u2800')).toBe('Maya Okafor');
  });

  it('normalises to NFC', () => {
    expect(cleanText('Zoe\u0308')).toBe('Zoë');
  });

  it('F13 never leaves an invisible, bidi or control character (fuzzed)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        const out = cleanText(s);
        expect(out).not.toMatch(LEFTOVER);
        expect(out).not.toMatch(/[\t\n]/);
      }),
    );
  });
});

describe('cleanMultiline', () => {
  it('keeps line breaks and tabs, turns CRLF and CR into LF, strips the rest', () => {
    expect(cleanMultiline(' line one\r\nline\ttwo\rthree\u000b\u0000\u202e\u2066x\u2069 ')).toBe('line one\nline\ttwo\nthreex');
  });

  it('F13 never leaves an invisible, bidi or control character other than tab and LF (fuzzed)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        expect(cleanMultiline(s)).not.toMatch(LEFTOVER);
      }),
    );
  });
});
