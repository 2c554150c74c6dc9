// The query sanitiser and the snippet splitter, without a database (the database fuzz is in search.test.ts).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HIT_END, HIT_START, parseSearchQuery, segmentsText, toFts5Query, toSegments, toTsQuery } from './syntax';

describe('parseSearchQuery', () => {
  it('empty, blank, punctuation-only and non-string input give no query at all', () => {
    for (const q of ['', '   ', '"', '""', '***', 'AND OR NOT'.replace(/\w/g, '-'), '\u200b\u202e', '()^:*+-']) expect(parseSearchQuery(q), q).toBeNull();
    for (const q of [undefined, null, 42, ['a'], { $ne: null }]) expect(parseSearchQuery(q)).toBeNull();
  });

  it('keeps words (letters and digits, any script), lower-cased and de-duplicated', () => {
    expect(parseSearchQuery('Psilocybin  psilocybin MDMA-assisted')).toEqual([{ words: ['psilocybin'] }, { words: ['mdma'] }, { words: ['assisted'] }]);
    expect(parseSearchQuery('Ayahuasca café 2022 Übung')).toEqual([{ words: ['ayahuasca'] }, { words: ['café'] }, { words: ['2022'] }, { words: ['übung'] }]);
  });

  it('double quotes make a phrase; an unclosed quote runs to the end', () => {
    expect(parseSearchQuery('"serotonin toxicity" risk')).toEqual([{ words: ['serotonin', 'toxicity'] }, { words: ['risk'] }]);
    expect(parseSearchQuery('risk "low blood')).toEqual([{ words: ['risk'] }, { words: ['low', 'blood'] }]);
  });

  it('operators and column filters are plain words, never syntax', () => {
    const terms = parseSearchQuery('title:dmt OR NOT NEAR(a b) psilo* -x ^y')!;
    expect(toFts5Query(terms)).toBe('"title" "dmt" "or" "not" "near" "a" "b" "psilo" "x" "y"');
    expect(toTsQuery(terms)).toBe("'title' & 'dmt' & 'or' & 'not' & 'near' & 'a' & 'b' & 'psilo' & 'x' & 'y'");
  });

  it('is limited to 200 characters and a dozen terms, cut on code points', () => {
    const DOZEN = 12;
    const long = `${'a'.repeat(199)} toolong`;
    expect(parseSearchQuery(long)).toEqual([{ words: ['a'.repeat(64)] }]);
    expect(parseSearchQuery(Array.from({ length: 30 }, (_, i) => `w${i}`).join(' '))).toHaveLength(DOZEN);
    expect(parseSearchQuery(`${'😀'.repeat(199)}x y`)).toEqual([{ words: ['x'] }]);
  });

  it('fuzz: whatever the input, the output is only quoted letter/digit words', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string({ maxLength: 400 }), fc.string({ unit: 'grapheme', maxLength: 300 }), fc.string({ unit: 'binary', maxLength: 300 })),
        (q) => {
          const terms = parseSearchQuery(q);
          if (!terms) return;
          expect(terms.length).toBeGreaterThan(0);
          expect(terms.length).toBeLessThanOrEqual(12); // a dozen, as above
          for (const t of terms) for (const w of t.words) expect(w).toMatch(/^[\p{L}\p{N}]{1,64}$/u);
          expect(toFts5Query(terms)).toMatch(/^"[\p{L}\p{N} ]+"( "[\p{L}\p{N} ]+")*$/u);
          expect(toTsQuery(terms)).not.toMatch(/[^\p{L}\p{N}' &<>\-()]/u);
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe('toSegments', () => {
  it('splits marked text into hit and plain segments', () => {
    expect(toSegments(`Risks of ${HIT_START}serotonin${HIT_END} toxicity`)).toEqual([
      { text: 'Risks of ', hit: false },
      { text: 'serotonin', hit: true },
      { text: ' toxicity', hit: false },
    ]);
  });

  it('keeps HTML as text (rendered by React, never as markup) and drops markdown noise', () => {
    const segs = toSegments(`<img src=x onerror=alert(1)> **${HIT_START}bold${HIT_END}** [link](https://x.example) ## head`);
    expect(segmentsText(segs)).toBe('<img src=x onerror=alert(1)> bold link head');
    expect(segs.find((s) => s.hit)?.text).toBe('bold');
    expect(segmentsText(toSegments(`toxicity;\n- ${HIT_START}Physical${HIT_END} effects\n2. second`))).toBe('toxicity; Physical effects second');
  });

  it('survives unbalanced and nested markers; markers never reach the text', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constantFrom(HIT_START, HIT_END), fc.string({ maxLength: 8 })), { maxLength: 30 }), (parts) => {
        const segs = toSegments(parts.join(''));
        for (const s of segs) {
          expect(s.text).not.toMatch(/[\ue000\ue001]/);
          expect(s.text.length).toBeGreaterThan(0);
        }
      }),
    );
  });
});
