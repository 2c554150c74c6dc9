// The care matcher (issue 10 item 1): does a question's text contain a phrase of the care word list? Tolerant on
// purpose, because a missed cry for help costs more than a false alarm a facilitator closes in a second:
// - case, accents and look-alikes: NFKD, marks dropped (so "självmord" and "sjalvmord" are one word; Swedish
//   å/ä/ö fold to a/o both in the list and in the text), invisible and bidi characters dropped (lib/text/clean.ts);
// - leetspeak inside words: 1→i, 3→e, 4→a, 0→o, 5→s, 7→t, @→a, $→s, !/| → i ("k1ll", "$uicide", "k!ll");
// - spacing and punctuation: every run of them is one word break; apostrophes vanish ("don't" = "dont");
//   spelled-out letters join up ("k i l l myself"), a word split in two joins up ("kill my self", "sui cide",
//   "självmords tankar"), and a two-word phrase also matches written as one ("selfharm" for "self harm");
// - misspellings: a word of 5+ letters may be one edit away (insert, delete, substitute, swap two neighbours:
//   "suicde", "suicdie"), one of 9+ letters two; shorter words must be exact but for doubled letters ("kil"), so "die" never matches "diet" and
//   "kill" never matches "skills" or "killer"; a word of 4+ letters also takes -ing and -ed ("self harming");
// - compounds: a word of 8+ letters also matches at the start of a longer one ("självmordsförsök").
// Phrases match whole words in order, so "end of my life's work" is not "end my life". A few everyday sentences that
// start with a phrase ("I can't go on the retreat", "I cut myself off from friends", "I hurt myself hiking") are
// exceptions, by the words right after the phrase (EXCEPTIONS below). Crafted input ("s s s s ...") stays cheap: see
// phraseAt. Known false positives,
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
  // Three rows, reused (it runs once per candidate word: no allocation per cell).
  let prev2 = new Array<number>(b.length + 1).fill(0);
  let prev = new Array<number>(b.length + 1);
  let cur = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, prev2[j - 2] + 1);
      cur[j] = d;
      if (d < rowMin) rowMin = d;
    }
    if (rowMin > max) return max + 1;
    [prev2, prev, cur] = [prev, cur, prev2];
  }
  return prev[b.length];
}

/** A letter as one bit of 32 (two letters may share one: that only makes the bound below weaker, never wrong). */
const bit = (word: string, i: number) => 1 << (word.charCodeAt(i) & 31);

/**
 * A cheap lower bound of the edit distance: every letter of one word that the other lacks costs an edit
 * ("ssssss" is 6 edits from "suicide" without filling a table). Linear: letters as bits, no string searches.
 */
function missingLetters(term: TermWord, word: string): number {
  let mask = 0;
  let fromWord = 0;
  for (let i = 0; i < word.length; i++) {
    const b = bit(word, i);
    mask |= b;
    if ((term.mask & b) === 0) fromWord++;
  }
  let fromTerm = 0;
  for (let i = 0; i < term.word.length; i++) if ((mask & bit(term.word, i)) === 0) fromTerm++;
  return Math.max(fromWord, fromTerm);
}

/** The word with every run of one letter as one ("killl" → "kil"); a loop, not a regex: it runs on every join. */
function squeeze(word: string): string {
  let out = '';
  let last = '';
  for (const c of word) {
    if (c !== last) out += c;
    last = c;
  }
  return out;
}

/** A word of a phrase, with what comparing it needs worked out once per list (not once per question). */
type TermWord = { word: string; squeezed: string; tol: number; minLen: number; mask: number };

function termWord(word: string): TermWord {
  const squeezed = squeeze(word);
  const tol = tolerance(word);
  let mask = 0;
  for (let i = 0; i < word.length; i++) mask |= bit(word, i);
  // No text word shorter than minLen can be the word: a doubled letter squeezed, or `tol` letters missing.
  return { word, squeezed, tol, minLen: Math.min(squeezed.length, word.length - tol), mask };
}

/**
 * Whether a word of the text is the list's word, allowing its misspellings (`fuzzy`) and (long words) compounds.
 * Two text words joined into one ("my self") are compared without the misspellings: with them, "end in" would be
 * "ending" and "my elf" "myself".
 */
function sameWord(term: TermWord, word: string, fuzzy = true): boolean {
  const t = term.word;
  if (t === word) return true;
  // The first letter is never an edit: "skill" is not "kill".
  if (t[0] !== word[0] || word.length < term.minLen) return false;
  // A doubled letter dropped or added is no edit at all, also in short words ("kil", "killl").
  // (Squeezing keeps the last letter: compare that first, it is cheaper.)
  if (word[word.length - 1] === t[t.length - 1] && term.squeezed === squeeze(word)) return true;
  if (fuzzy && term.tol > 0 && missingLetters(term, word) <= term.tol && editDistance(t, word, term.tol) <= term.tol) return true;
  if (t.length >= 4 && (word === `${t}ing` || word === `${t}ed`)) return true;
  return t.length >= 8 && word.length > t.length && word.startsWith(t);
}

/**
 * Ordinary sentences that start with a phrase of the list (review finding 5). Each one narrows only the phrase it
 * names, and only by the words right after it, so the cry for help around it still matches: "I can't go on the
 * retreat next month" is a plan, "I can't go on", "... like this" or "... the way things are" are not; "cut myself
 * off from friends" is distance, "cut myself again" is not; "hurt myself hiking" is an accident, "hurt myself last
 * night" (no activity named) and "want to hurt myself doing something stupid" (a wish) are not. Each list is short
 * on purpose: a word missing here costs a facilitator one look, a word too many could hide a cry for help.
 */
type Exception = {
  /** The phrases it narrows, as an admin writes them in the list. */
  phrases: readonly string[];
  /** Whether the words right after the phrase make it an ordinary sentence. */
  after: (next: readonly string[]) => boolean;
  /** Words that, right before the phrase, make it a wish again. */
  unlessBefore?: ReadonlySet<string>;
};

const DETERMINERS = new Set(['the', 'a', 'an', 'this', 'that', 'our', 'my', 'your', 'their', 'his', 'her', 'next', 'another', 'any']);
/** Things one goes on (a trip, a retreat, Friday): "journey" is not one, "I can't go on this journey" is a cry. */
const OUTINGS = new Set([
  ...['retreat', 'retreats', 'trip', 'trips', 'holiday', 'holidays', 'vacation', 'tour', 'hike', 'walk', 'ride', 'cruise', 'date', 'course'],
  ...['ceremony', 'ceremonies', 'call', 'stream', 'livestream', 'stage', 'air', 'leave', 'list', 'waitlist', 'weekend', 'weekends'],
  ...['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'mondays', 'fridays', 'saturdays', 'sundays'],
]);
/** "cut myself off / out / short / loose / free / away": never "open", never "a bit". */
const CUT_AWAY = new Set(['off', 'out', 'short', 'loose', 'free', 'away']);
const CUT_IDIOMS = ['some slack', 'a break', 'a slice', 'a piece'].map((idiom) => idiom.split(' '));
/** "-ing" words after "hurt myself" that are no activity one gets hurt doing, or are the harm itself. */
const NOT_ACCIDENTS = new Set([
  ...['cutting', 'burning', 'bleeding', 'scratching', 'hitting', 'punching', 'banging', 'starving', 'overdosing', 'drinking', 'using'],
  ...['thinking', 'feeling', 'wanting', 'wishing', 'nothing', 'something', 'anything', 'everything', 'morning', 'evening'],
]);
/** A wish, not a report: "want to / wanna / gonna / I'll / keep hurting myself ...". */
const INTENT = new Set(['to', 'wanna', 'gonna', 'will', 'ill', 'would', 'might', 'could', 'should', 'may', 'must', 'keep']);

const EXCEPTIONS: readonly Exception[] = [
  {
    phrases: ['cant go on'],
    after: ([a, b]) => OUTINGS.has(a ?? '') || (DETERMINERS.has(a ?? '') && OUTINGS.has(b ?? '')),
  },
  {
    phrases: ['cut myself', 'cutting myself'],
    after: ([a, b]) => CUT_AWAY.has(a ?? '') || CUT_IDIOMS.some(([x, y]) => a === x && b === y),
  },
  {
    phrases: ['hurt myself', 'hurting myself'],
    after: ([a]) => a !== undefined && a.length >= 5 && a.endsWith('ing') && !NOT_ACCIDENTS.has(a),
    unlessBefore: INTENT,
  },
];

/** The exceptions of one phrase of the list, matched by its folded words ("can't go on" = "cant go on"). */
function exceptionsFor(phrase: readonly string[]): Exception[] {
  const key = phrase.join(' ');
  return EXCEPTIONS.filter((e) => e.phrases.some((p) => careWords(p).join(' ') === key));
}

/** A phrase of the list: its words, each two neighbours as one word ("self" + "harm"), its exceptions. */
type Phrase = { words: TermWord[]; pairs: TermWord[]; exceptions: Exception[] };

/** Longest run of spelled-out letters ("k i l l") joined into one word. */
const MAX_SPELLED = 16;

/**
 * Does the phrase occur in `words` from index `at`? Each word of the phrase matches one word of the text, or two
 * phrase words one text word ("selfharm"), or one phrase word two text words ("my self", "sui cide"; the first
 * of 2+ letters, so "a live" stays two words), or one phrase word a run of one- and two-letter text words
 * ("k i l l", "su ic ide"). A match followed by the words of one of its exceptions does not count.
 *
 * Cost (review finding 8): a run of short words is joined only while it can still become the phrase word (never
 * longer than the word and its tolerance, never past MAX_SPELLED words), and only from a word starting with the
 * phrase word's letter; every comparison first checks the first letter and the length.
 */
function phraseAt(phrase: Phrase, words: readonly string[], at: number): boolean {
  return step({ phrase, words, at }, 0, at);
}

/** One try of a phrase at one place of the text (plain data: no closures made per try). */
type Attempt = { phrase: Phrase; words: readonly string[]; at: number };

/** Whether the phrase's words from `t` on match the text's words from `w` on. */
function step(a: Attempt, t: number, w: number): boolean {
  const { phrase, words } = a;
  if (t === phrase.words.length) return !excepted(a, w);
  if (w >= words.length) return false;
  const tw = phrase.words[t];
  const word = words[w];
  if (word[0] !== tw.word[0]) return false;
  if (sameWord(tw, word) && step(a, t + 1, w + 1)) return true;
  const both = phrase.pairs[t];
  if (both && word.length > tw.word.length && sameWord(both, word) && step(a, t + 2, w + 1)) return true;
  const next = words[w + 1];
  if (next !== undefined && word.length >= 2 && (word.length > 2 || next.length > 2)) {
    if (sameWord(tw, word + next, false) && step(a, t + 1, w + 2)) return true;
  }
  if (word.length <= 2) {
    const longest = tw.word.length + Math.max(1, tw.tol);
    let joined = word;
    for (let k = w + 1; k < words.length && k - w < MAX_SPELLED && words[k].length <= 2; k++) {
      joined += words[k];
      if (joined.length > longest) break;
      if (sameWord(tw, joined) && step(a, t + 1, k + 1)) return true;
    }
  }
  return false;
}

/** Whether the words right after the match (and right before it) make it one of the phrase's exceptions. */
function excepted({ phrase, words, at }: Attempt, end: number): boolean {
  if (phrase.exceptions.length === 0) return false;
  const next = words.slice(end, end + 2);
  const before = at > 0 ? words[at - 1] : undefined;
  return phrase.exceptions.some((e) => e.after(next) && !(before !== undefined && e.unlessBefore?.has(before)));
}

export type CareMatcher = (text: string) => boolean;

/** A matcher for the list's phrases (written plainly, once each: the matcher adds the variants). */
export function careMatcher(terms: readonly string[]): CareMatcher {
  // Every way a phrase can match starts with a text word that has the phrase's first letter: look only at those.
  const byLetter = new Map<string, Phrase[]>();
  for (const folded of terms.map(careWords)) {
    if (folded.length === 0) continue;
    const phrase = {
      words: folded.map(termWord),
      pairs: folded.slice(1).map((second, i) => termWord(folded[i] + second)),
      exceptions: exceptionsFor(folded),
    };
    const letter = folded[0][0];
    byLetter.set(letter, [...(byLetter.get(letter) ?? []), phrase]);
  }
  return (text) => {
    const words = careWords(text);
    for (let at = 0; at < words.length; at++) {
      for (const phrase of byLetter.get(words[at][0]) ?? []) if (phraseAt(phrase, words, at)) return true;
    }
    return false;
  };
}
