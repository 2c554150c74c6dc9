// The care matcher (issue 10 item 1): does a question's text contain a phrase of the care word list? Tolerant on
// purpose, because a missed cry for help costs more than a false alarm a facilitator closes in a second:
// - case, accents and look-alikes: NFKD, marks dropped (so "självmord" and "sjalvmord" are one word; Swedish
//   å/ä/ö fold to a/o both in the list and in the text), invisible and bidi characters dropped (lib/text/clean.ts);
// - leetspeak inside words: 1→i, 3→e, 4→a, 0→o, 5→s, 7→t, @→a, $→s, !/| → i ("k1ll", "$uicide", "k!ll");
// - spacing and punctuation: every run of them is one word break; apostrophes vanish ("don't" = "dont");
//   spelled-out letters join up ("k i l l myself"), and a two-word phrase also matches written as one
//   ("selfharm" for "self harm");
// - misspellings: a word of 5+ letters may be one edit away (insert, delete, substitute, swap two neighbours:
//   "suicde", "suicdie"), one of 9+ letters two; shorter words must be exact but for doubled letters ("kil"), so "die" never matches "diet" and
//   "kill" never matches "skills" or "killer"; a word of 4+ letters also takes -ing and -ed ("self harming");
// - compounds: a word of 8+ letters also matches at the start of a longer one ("självmordsförsök").
// Phrases match whole words in order, so "end of my life's work" is not "end my life". Known false positives,
// accepted: titles and news ("The Suicide Squad", "suicide rates"): a facilitator reads them and publishes them
// unchanged. Pure: no database (the terms come from server/community/queries.ts getCareTerms()).
import { cleanText } from '@/lib/text/clean';

const LEET: Record<string, string> = { '1': 'i', '3': 'e', '4': 'a', '0': 'o', '5': 's', '7': 't', '@': 'a', $: 's', '!': 'i', '|': 'i' };

/** Lower case, marks dropped (NFKD), invisible characters gone, apostrophes joined. */
function fold(text: string): string {
  return cleanText(text)
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['’‘`´]/g, '')
    .replace(/ß/g, 'ss')
    .replace(/[æ]/g, 'ae')
    .replace(/[ø]/g, 'o');
}

/**
 * The words of a text, folded. A run of letters, digits and leet symbols is one word; leet symbols become letters
 * only inside a word that has a letter ("k1ll", "$elf"), and a trailing "!" or "|" is punctuation ("myself!").
 */
export function careWords(text: string): string[] {
  const words: string[] = [];
  for (const raw of fold(text).match(/[\p{L}\p{N}@$!|]+/gu) ?? []) {
    const run = raw.replace(/[!|]+$/, '').replace(/^[!|]+/, '');
    if (!run) continue;
    if (!/\p{L}/u.test(run)) {
      if (/\p{N}/u.test(run)) words.push(run);
      continue;
    }
    const word = [...run].map((c) => LEET[c] ?? c).join('');
    const letters = word.replace(/[^\p{L}\p{N}]/gu, '');
    if (letters) words.push(letters);
  }
  return words;
}

/** Edits a word of the list may be away from a word of the text. */
function tolerance(word: string): number {
  if (word.length >= 9) return 2;
  return word.length >= 5 ? 1 : 0;
}

/** Optimal string alignment distance (Damerau: a swap of neighbours is one edit), stopped early past `max`. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev2: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, prev2[j - 2] + 1);
      cur.push(d);
      rowMin = Math.min(rowMin, d);
    }
    if (rowMin > max) return max + 1;
    prev2 = prev;
    prev = cur;
  }
  return prev[b.length];
}

const squeeze = (word: string) => word.replace(/(.)\1+/gu, '$1');

/** Whether a word of the text is the list's word, allowing its misspellings and (long words) compounds. */
function sameWord(term: string, word: string): boolean {
  if (term === word) return true;
  // The first letter is never an edit: "skill" is not "kill".
  if (term[0] !== word[0]) return false;
  // A doubled letter dropped or added is no edit at all, also in short words ("kil", "killl").
  if (squeeze(term) === squeeze(word)) return true;
  const tol = tolerance(term);
  if (tol > 0 && editDistance(term, word, tol) <= tol) return true;
  if (term.length >= 4 && (word === `${term}ing` || word === `${term}ed`)) return true;
  return term.length >= 8 && word.length > term.length && word.startsWith(term);
}

/** Longest run of spelled-out letters ("k i l l") joined into one word. */
const MAX_SPELLED = 16;

/**
 * Does the phrase `term` (folded words) occur in `words` from index `at`? Each word of the phrase matches one word
 * of the text, or two phrase words one text word ("selfharm"), or one phrase word a run of one- and two-letter
 * text words ("k i l l", "su ic ide").
 */
function phraseAt(term: string[], words: string[], at: number): boolean {
  const step = (t: number, w: number): boolean => {
    if (t === term.length) return true;
    if (w >= words.length) return false;
    if (sameWord(term[t], words[w]) && step(t + 1, w + 1)) return true;
    if (t + 1 < term.length && words[w].length > term[t].length && sameWord(term[t] + term[t + 1], words[w]) && step(t + 2, w + 1)) return true;
    if (words[w].length <= 2) {
      let joined = words[w];
      for (let k = w + 1; k < words.length && k - w < MAX_SPELLED && words[k].length <= 2; k++) {
        joined += words[k];
        if (joined.length > term[t].length + 1) break;
        if (sameWord(term[t], joined) && step(t + 1, k + 1)) return true;
      }
    }
    return false;
  };
  return step(0, at);
}

export type CareMatcher = (text: string) => boolean;

/** A matcher for the list's phrases (written plainly, once each: the matcher adds the variants). */
export function careMatcher(terms: readonly string[]): CareMatcher {
  const phrases = terms.map(careWords).filter((p) => p.length > 0);
  return (text) => {
    const words = careWords(text);
    for (let at = 0; at < words.length; at++) {
      for (const phrase of phrases) if (phraseAt(phrase, words, at)) return true;
    }
    return false;
  };
}
