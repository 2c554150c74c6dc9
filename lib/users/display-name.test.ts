// Folded display-name keys and role words: names the room could not tell apart share a key.
import { describe, expect, it } from 'vitest';
import { nameKey, roleWordIn } from './display-name';

describe('nameKey', () => {
  it('folds case, spacing and punctuation', () => {
    for (const v of ['sam lindqvist', 'SAM LINDQVIST', '  Sam   Lindqvist ', 'Sam_Lindqvist', 'Sam.Lindqvist', 'Sam\tLindqvist']) {
      expect(nameKey(v), v).toBe(nameKey('Sam Lindqvist'));
    }
  });

  it('drops zero-width, bidi and other invisible characters', () => {
    for (const v of ['Ma\u200bya Okafor', '\u202eMaya Okafor', 'Maya\u2066 Okafor\u2069', 'Maya\u00ad Okafor', 'Maya Okafor\ufeff', 'Maya Oka\u034ffor']) {
      expect(nameKey(v), JSON.stringify(v)).toBe(nameKey('Maya Okafor'));
    }
  });

  it('folds look-alike letters: Cyrillic and Greek twins, full-width forms, 0/o, 1/l/I/i, rn/m, accents', () => {
    const pairs: [string, string][] = [
      ['Rоwan', 'Rowan'], // Cyrillic о
      ['Аlex', 'Alex'], // Cyrillic А
      ['Сhen', 'Chen'], // Cyrillic С
      ['Bеа', 'Bea'], // Cyrillic е, а
      ['Jοrdan', 'Jordan'], // Greek ο
      ['Ｊｏｒｄａｎ', 'Jordan'], // full-width
      ['J0rdan', 'Jordan'],
      ['AIex', 'Alex'], // capital I for l
      ['A1ex', 'Alex'],
      ['Eli', 'ELI'],
      ['Jordarn', 'Jordam'],
      ['Zoë', 'Zoe'],
      ['Renée', 'Renee'],
    ];
    for (const [a, b] of pairs) expect(nameKey(a), `${a} ~ ${b}`).toBe(nameKey(b));
  });

  it('keeps different names apart', () => {
    for (const [a, b] of [
      ['Alex', 'Alexa'],
      ['Sam Lindqvist', 'Sam Lindqvista'],
      ['Maya', 'Mayo'],
      ['🔥', '🌊'],
    ]) {
      expect(nameKey(a)).not.toBe(nameKey(b));
    }
  });
});

describe('roleWordIn', () => {
  it("finds the issue's role words as words, folded", () => {
    expect(roleWordIn('Admin')).toBe('admin');
    expect(roleWordIn('Ada (admin)')).toBe('admin');
    expect(roleWordIn('THE MODERATOR')).toBe('moderator');
    expect(roleWordIn('Facilitator Sam')).toBe('facilitator');
    expect(roleWordIn('Rowan the Elder')).toBe('elder');
    expect(roleWordIn('your host')).toBe('host');
    expect(roleWordIn('Hosts of the circle')).toBe('host');
  });

  it('sees through disguises: look-alikes, spaced letters, camel case, invisible characters', () => {
    for (const v of ['adm1n', 'ADMlN', 'аdmin', 'm0derator', 'a d m i n', 'TheAdmin', 'ad\u200bmin', 'Ｈｏｓｔ', 'admín']) {
      expect(roleWordIn(v), v).not.toBeNull();
    }
  });

  it('leaves names that merely contain the letters alone', () => {
    for (const v of ['Hostetler', 'Badminton Bea', 'Elderberry', 'Ghost', 'Madmin', 'Sam Lindqvist', 'Ada Brightwater']) {
      expect(roleWordIn(v), v).toBeNull();
    }
  });
});
