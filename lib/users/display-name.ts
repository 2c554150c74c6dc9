// Display names that cannot pass for someone else: the folded key (stored unique in User.nameKey) and the role
// words a member's name may not carry. Pure string code, shared by the forms (field errors) and the server.
//
// Folding, in order (documented in README "Display names"):
//  1. NFKC (full-width, ligatures, super/subscripts, styled maths letters → plain letters);
//  2. drop invisible characters (lib/text/clean.ts: zero-width, bidi marks/overrides/isolates, soft hyphen,
//     variation selectors, Hangul fillers, tags) and controls;
//  3. lowercase; accents dropped (NFD, combining marks removed: "Zoë" = "Zoe", "admín" = "admin");
//  4. look-alikes: the common Cyrillic/Greek twins of Latin letters (а е о р с х у і ј ѕ ԁ һ ӏ ԛ
//     ԝ; ο α ν ι κ ρ τ υ χ ε), 0 → o, and i, l, 1, | as one letter (capital I looks like l, and case must not
//     matter, so "AIex" = "Alex" = "ALEX"; "Eli" and "Ell" share a key too), and the pairs rn → m, vv → w;
//  5. punctuation and spacing: every run of punctuation or whitespace is one space, trimmed.

import { stripInvisible } from '../text/clean';

/** C0 and C1 control characters (U+0000–001F, U+007F–009F). */
const CONTROL = /\p{Cc}/gu;

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
  // Greek (lowercase forms: uppercase Greek is lowercased first)
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
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
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

/**
 * The role word a display name contains as a word (after folding; plural -s too), or null. Spaced-out letters
 * ("a d m i n"), camel case ("TheAdmin") and digit look-alikes ("adm1n", "m0derator") count as words too.
 */
export function roleWordIn(displayName: string): string | null {
  const keys = [nameKey(displayName), nameKey(displayName.replace(/(\p{Ll})(\p{Lu}\p{Ll})/gu, '$1 $2'))];
  // "a d m i n" → "admin": join runs of single letters.
  const variants = keys.flatMap((key) => [key, key.replace(/(?<=^|\s)(\p{L}) (?=\p{L}(\s|$))/gu, '$1')]);
  for (const { word, re } of ROLE_RES) if (variants.some((v) => re.test(v))) return word;
  return null;
}
