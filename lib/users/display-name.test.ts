// Folded display-name keys and role words: names the room could not tell apart share a key.
import { describe, expect, it } from 'vitest';
import { mixesAlphabets, nameKey, roleWordIn } from './display-name';

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

  it('drops the invisible characters a hand-kept list missed: musical formatting, annotations, shorthand controls, braille blank', () => {
    for (const v of [
      'Maya Oka\u{1d173}for',
      'Maya Oka\u{1d17a}for',
      'Maya\ufff9 Okafor\ufffb',
      'Ma\u{1bca0}ya Okafor',
      'Maya Okafor\u2800',
      '\u2800Maya Okafor',
    ]) {
      expect(nameKey(v), JSON.stringify(v)).toBe(nameKey('Maya Okafor'));
    }
  });

  it('folds capital look-alikes whose small letters differ (Cyrillic М Н В Т К, Greek Μ Η Ν Υ)', () => {
    const pairs: [string, string][] = [
      ['Мaya Okafor', 'Maya Okafor'], // Cyrillic М
      ['НОЅТ', 'HOST'], // all Cyrillic: Н О Ѕ Т
      ['ВЕА', 'BEA'], // all Cyrillic: В Е А
      ['КАТЕ', 'KATE'], // all Cyrillic
      ['ΜΑΥΑ', 'MAYA'], // all Greek: Μ Α Υ Α
      ['ΝΙΚΗ', 'NIKH'], // all Greek: Ν looks like N, not v
      ['ΗΟΜΕ', 'HOME'], // all Greek: Η
    ];
    for (const [a, b] of pairs) expect(nameKey(a), `${a} ~ ${b}`).toBe(nameKey(b));
    // Small Greek ν and υ still pass for v and u.
    expect(nameKey('νυ')).toBe(nameKey('vu'));
    // Υ is Y and Ν is N, not the u and v their small letters look like.
    expect(nameKey('ΥΝ')).not.toBe(nameKey('uv'));
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

  it('sees through invisible characters the old cleaner kept', () => {
    for (const v of ['Ad\u{1d173}min', 'Ad\u{1bca0}min', 'Ho\ufff9st', 'Ad\u2800min']) expect(roleWordIn(v), JSON.stringify(v)).not.toBeNull();
  });

  it('sees through capital Cyrillic and Greek look-alikes', () => {
    expect(roleWordIn('АDМIN')).toBe('admin'); // Cyrillic А and М
    expect(roleWordIn('НОЅТ')).toBe('host'); // all Cyrillic
    expect(roleWordIn('ΜΟD')).toBe('mod'); // Greek Μ Ο
  });

  it('sees through digits, symbols and punctuation in or after the word, and ! | 1 for i or l', () => {
    for (const v of [
      'Admin2',
      'Admin™',
      'Admin®',
      'Ad-min',
      'Ad.min',
      'Ad_min',
      'adm!n',
      'adm|n',
      'adm!n!',
      'Admin２',
      'ａｄｍ！ｎ',
      'Ad2min',
      '2Admin',
      'm0d3rator',
      '@dmin',
      '$taff',
      'H0$t',
      'Staff🔥',
      'Sam the Ho-st',
    ]) {
      expect(roleWordIn(v), v).not.toBeNull();
    }
  });

  it('leaves names that merely contain the letters alone', () => {
    for (const v of [
      'Hostetler',
      'Badminton Bea',
      'Elderberry',
      'Ghost',
      'Madmin',
      'Sam Lindqvist',
      'Ada Brightwater',
      'Jean-Luc',
      "O'Brien",
      'R2-D2',
      'Sam3',
      'Maya!',
    ]) {
      expect(roleWordIn(v), v).toBeNull();
    }
  });
});

describe('mixesAlphabets', () => {
  it('finds Latin mixed with Cyrillic or Greek letters', () => {
    for (const v of ['Мaya Okafor', 'АDМIN', 'Rоwan', 'Jοrdan', 'Ольга Smith', 'Σοφία Ольга', '𝐌aya Оkafor']) expect(mixesAlphabets(v), v).toBe(true);
  });

  it('keeps real names valid: one alphabet, accents, other scripts alongside', () => {
    for (const v of ['Zoë', 'Renée', 'Åsa Lindqvist', 'Jürgen', 'Ольга', 'Σοφία', 'Eli', 'Li Na', 'Li Na 李娜', 'Sam 🔥', 'Ｊｏｒｄａｎ', 'Ольга 2']) {
      expect(mixesAlphabets(v), v).toBe(false);
      expect(roleWordIn(v), v).toBeNull();
    }
  });
});
