// Display names that cannot pass for someone else: the folded key (stored unique in User.nameKey) and the role
// words a member's name may not carry. Pure string code, shared by the forms (field errors) and the server.
//
// Folding, in order (documented in README "Display names"):
//  1. NFKC (full-width, ligatures, super/subscripts, styled maths letters → plain letters);
//  2. drop invisible characters (lib/text/clean.ts: default-ignorables such as zero-width and bidi characters,
//     all format characters, the braille blank) and controls;
//  3. accents dropped (NFD, combining marks removed: "Zoë" = "Zoe", "admín" = "admin");
//  4. capital look-alikes, before lowercasing because their small letters look different (Cyrillic В К М Н Т,
//     Greek Β Η Κ Μ Ν Τ Υ Ζ: Greek Ν is N but ν looks like v);
//  5. lowercase, then the small look-alikes: Cyrillic/Greek twins of Latin letters (а е о р с х у і ј ѕ ԁ һ ӏ ԛ
//     ԝ ү; ο α ν ι κ ρ τ υ χ ε γ ϲ ϳ), 0 → o, and i, l, 1, | as one letter (capital I looks like l, and case must
//     not matter, so "AIex" = "Alex" = "ALEX"; "Eli" and "Ell" share a key too), and the pairs rn → m, vv → w;
//  6. punctuation and spacing: every run of punctuation or whitespace is one space, trimmed.
// Names that mix Latin, Cyrillic and Greek letters are refused outright (mixesAlphabets), so the table only has to
// catch names written entirely in one alphabet that look like another ("НОЅТ" in Cyrillic).

import { stripInvisible } from '../text/clean';

/** C0 and C1 control characters (U+0000–001F, U+007F–009F). */
const CONTROL = /\p{Cc}/gu;

/** Capitals whose small letters look nothing like the Latin letter the capital passes for. */
const CAPITAL_CONFUSABLES: Record<string, string> = {
  // Cyrillic
  В: 'B',
  К: 'K',
  М: 'M',
  Н: 'H',
  Т: 'T',
  // Greek
  Β: 'B',
  Ζ: 'Z',
  Η: 'H',
  Κ: 'K',
  Μ: 'M',
  Ν: 'N',
  Τ: 'T',
  Υ: 'Y',
};
const CAPITAL_CONFUSABLE_RE = new RegExp(`[${Object.keys(CAPITAL_CONFUSABLES).join('')}]`, 'g');

const CONFUSABLES: Record<string, string> = {
  // Cyrillic
  а: 'a',
  е: 'e',
  о: 'o',
  р: 'p',
  с: 'c',
  х: 'x',
  у: 'y',
  і: 'l',
  ј: 'j',
  ѕ: 's',
  ԁ: 'd',
  һ: 'h',
  ӏ: 'l',
  ԛ: 'q',
  ԝ: 'w',
  ё: 'e',
  ї: 'l',
  ү: 'y',
  // Greek (small letters; the capitals not in CAPITAL_CONFUSABLES are lowercased first)
  ο: 'o',
  α: 'a',
  ν: 'v',
  ι: 'l',
  κ: 'k',
  ρ: 'p',
  τ: 't',
  υ: 'u',
  χ: 'x',
  ε: 'e',
  γ: 'y',
  ϲ: 'c',
  ϳ: 'j',
  // digits and strokes
  '0': 'o',
  '1': 'l',
  '|': 'l',
  i: 'l',
};
const CONFUSABLE_RE = new RegExp(
  `[${Object.keys(CONFUSABLES)
    .join('')
    .replace(/[|\]\\^-]/g, '\\$&')}]`,
  'g',
);

/** The key two display names share when the room could not tell them apart. */
export function nameKey(displayName: string): string {
  // Invisible characters go before whitespace is read (U+FEFF counts as whitespace in JS); whitespace becomes a
  // space before the control characters go, so a tab still separates words.
  return stripInvisible(displayName.normalize('NFKC'))
    .replace(/\s/g, ' ')
    .replace(CONTROL, '')
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(CAPITAL_CONFUSABLE_RE, (c) => CAPITAL_CONFUSABLES[c])
    .toLowerCase()
    .replace(CONFUSABLE_RE, (c) => CONFUSABLES[c])
    .replace(/rn/g, 'm')
    .replace(/vv/g, 'w')
    .replace(/[\p{P}\s]+/gu, ' ')
    .trim();
}

/** Words a display name may not contain: staff badges come from the server, never from a name. */
const ROLE_WORDS = ['admin', 'administrator', 'moderator', 'mod', 'facilitator', 'elder', 'host', 'staff'] as const;

// Role words are matched in their folded form, so look-alikes of them ("adm1n", "m0derator", "AdmIn") match too.
const ROLE_RES = ROLE_WORDS.map((w) => ({
  word: w,
  re: new RegExp(`(^|[^\\p{L}\\p{N}])${nameKey(w)}s?($|[^\\p{L}\\p{N}])`, 'u'),
}));

/** Alphabets whose letters pass for each other; a name uses at most one of them. */
const LOOKALIKE_SCRIPTS = [/\p{Script=Latin}/u, /\p{Script=Cyrillic}/u, /\p{Script=Greek}/u];

/**
 * True when the name's letters come from more than one of Latin, Cyrillic and Greek ("Мaya" with a Cyrillic М).
 * Mixing is what look-alike impersonation needs and no real name does; refusing it beats guessing which letter
 * looks like which. Other scripts mix freely ("Li Na 李娜"). NFKC first, so styled maths letters count as the
 * alphabet they stand for.
 */
export function mixesAlphabets(displayName: string): boolean {
  const letters = stripInvisible(displayName.normalize('NFKC')).match(/\p{L}/gu) ?? [];
  return LOOKALIKE_SCRIPTS.filter((script) => letters.some((l) => script.test(l))).length > 1;
}

/** Non-letters that stand in for letters inside a word: the key's own 0/1/|, then "!" for i and common leetspeak. */
const LETTER_STANDINS: Record<string, string> = { '0': 'o', '1': 'l', '|': 'l', '!': 'l', '3': 'e', '4': 'a', '5': 's', '7': 't', '@': 'a', $: 's' };
const LETTER_STANDIN_RE = /[0-9|!@$]/g;

/** The name with digits and symbols removed and punctuation inside words dropped ("Admin2", "Admin™", "Ad-min" → "Admin"). */
function withoutNoise(s: string): string {
  return s.replace(/[\p{S}\p{N}]/gu, (c) => (/^\p{L}$/u.test(c) ? c : '')).replace(/(?<=\p{L}\p{M}*)\p{P}+(?=\p{L})/gu, '');
}

/**
 * The readings of a name a role word is looked for in: the name itself; without digits, symbols and inner
 * punctuation; with stand-ins read as letters ("adm!n", "m0d3rator", "@dmin"); and the same with stand-ins at the
 * end of a word dropped, as trailing ones are decoration ("adm!n!").
 */
function readings(displayName: string): string[] {
  // Full-width and styled non-letters to their plain form one by one ("！" → "!", "Ⓐ" → "A"), not the whole name:
  // NFKC would spell "™" out as "TM" and glue it to the word.
  const s = stripInvisible(displayName).replace(/[\p{S}\p{N}\p{P}]/gu, (c) => {
    const n = c.normalize('NFKC');
    return [...n].length === 1 ? n : c;
  });
  const asLetters = (t: string) => t.replace(LETTER_STANDIN_RE, (c) => LETTER_STANDINS[c] ?? c);
  return [displayName, withoutNoise(s), withoutNoise(asLetters(s)), withoutNoise(asLetters(s.replace(/[\p{N}\p{S}\p{P}]+(?=\s|$)/gu, '')))];
}

/**
 * The role word a display name contains as a word (after folding; plural -s too), or null. Spaced-out letters
 * ("a d m i n"), camel case ("TheAdmin"), digit and symbol look-alikes ("adm1n", "adm!n", "m0derator") and
 * digits, symbols or punctuation inside or after the word ("Admin2", "Admin™", "Ad-min") count too.
 */
export function roleWordIn(displayName: string): string | null {
  const keys = readings(displayName).flatMap((r) => [nameKey(r), nameKey(r.replace(/(\p{Ll})(\p{Lu}\p{Ll})/gu, '$1 $2'))]);
  // "a d m i n" → "admin": join runs of single letters.
  const variants = keys.flatMap((key) => [key, key.replace(/(?<=^|\s)(\p{L}) (?=\p{L}(\s|$))/gu, '$1')]);
  for (const { word, re } of ROLE_RES) if (variants.some((v) => re.test(v))) return word;
  return null;
}
