// The care matcher on a table of phrases that must match and phrases that must not (issue 10 acceptance). The
// list is written here, as the issue and the shipped defaults say it (English and Swedish), not imported.
import { describe, expect, it } from 'vitest';
import { careMatcher, careWords, editDistance } from './match';

const TERMS = [
  'kill myself',
  'killing myself',
  'end my life',
  'suicide',
  'suicidal',
  'want to die',
  'wanna die',
  'self harm',
  'hurt myself',
  'dont want to live',
  'cant go on',
  'cut myself',
  'självmord',
  'självmordstankar',
  'vill dö',
  'ta livet av mig',
  'skada mig själv',
];
const matches = careMatcher(TERMS);

describe('care matcher', () => {
  it.each([
    'I think I want to kill myself',
    'I want to KILL MYSELF.',
    'i keep thinking about suicide',
    'suicde',
    'Suicdie thoughts after the ceremony',
    'thoughts of sucide',
    'I feel suicidal since the retreat',
    'kil myself',
    'k1ll myself',
    'k!ll my$elf',
    'k i l l myself',
    'selfharm',
    'self-harm',
    'Self harming again',
    'I want to end  my  life',
    'end my life...',
    'ending... no: end my life',
    'I just want to die',
    'i wanna die tbh',
    'I don’t want to live anymore',
    "I don't want to live",
    'I hurt myself last night',
    'I cut myself',
    'tankar på självmord',
    'tankar pa sjalvmord',
    'SJÄLVMORD',
    'självmordstankar efter resan',
    'självmordsförsök',
    'jag vill dö',
    'jag vill do',
    'Jag vill ta livet av mig',
    'jag vill skada mig själv',
    'I want to k\u200Bill myself',
    'suicide!',
    // A phrase word split in two in the text (review finding 5).
    'I want to kill my self',
    'I want to KILL MY SELF tonight',
    'i want to end my  lif e',
    'I want to e nd my li fe',
    'thoughts of sui cide',
    'självmords tankar efter resan',
    'I cut my self again',
    // The sentences around the exceptions still match when they are cries for help.
    "I can't go on anymore",
    "I can't go on like this",
    "I can't go on",
    "I can't go on the way things are",
    "I can't go on this journey any more",
    'I cut myself again',
    'I cut myself a bit last night',
    'I want to hurt myself',
    'I want to hurt myself doing something stupid',
    'I keep hurting myself after the retreat',
    'I hurt myself cutting again',
    'I hurt myself last week',
    "I can't go on the retreat, and honestly I can't go on at all",
  ])('matches %j', (text) => {
    expect(matches(text)).toBe(true);
  });

  it.each([
    'The end of my life’s work is near: retirement!',
    'That was the end of my life as I knew it, in a good way',
    'Killing it tonight, thank you all',
    'This is a killer app for journaling',
    'What skills help with integration?',
    'I want to diet after the retreat',
    'How do I skill myself up as a facilitator?',
    'Does microdosing help with self-esteem?',
    'I want to do more breathwork',
    'vill du berätta mer?',
    'Can we talk about grief and dying parents?',
    'killer whales in a dream',
    'I harmonise with myself',
    '988 and 116 123',
    // Everyday sentences that start with a phrase of the list (review finding 5).
    "I can't go on the retreat next month",
    "I can't go on Friday, is there a recording?",
    "Sadly I can't go on a retreat this year",
    'I cut myself off from friends after the ceremony',
    'I cut my self off from friends after the ceremony',
    'I had to cut myself some slack after the circle',
    'I hurt myself hiking last week',
    'I hurt myself skiing, can I still sit in the circle?',
    // Two words joined only when the first has two letters or more and without misspellings, so these stay apart.
    "I don't want to be a live guest, can I just listen?",
    'We hit a dead end in my life coaching course',
  ])('does not match %j', (text) => {
    expect(matches(text)).toBe(false);
  });

  // Accepted false positive (documented in match.ts): titles and news mention the word; a facilitator reads them.
  it('matches a film title that names the word (a false positive we accept)', () => {
    expect(matches('Has anyone seen the Suicide Squad movie?')).toBe(true);
  });

  it('an exception follows its phrase however the list writes it', () => {
    const written = careMatcher(['Can’t go on']);
    expect(written("I can't go on the retreat next month")).toBe(false);
    expect(written("I can't go on like this")).toBe(true);
  });

  it('an empty list matches nothing', () => {
    expect(careMatcher([])('I want to kill myself')).toBe(false);
  });

  it('folds words: case, accents, leet inside words, apostrophes, punctuation', () => {
    expect(careWords('K1ll my$elf! Don’t — SJÄLV-mord')).toEqual(['kill', 'myself', 'dont', 'sjalv', 'mord']);
    expect(careWords('call 988 now')).toEqual(['call', '988', 'now']);
  });

  // Review finding 8: crafted text of one- and two-letter words (up to the 500 characters a question may have) made
  // the matcher join run after run. Each of these returns the right answer; on a shared 2-core box each took
  // about 1 ms warm (50–80 ms before the cap), measured by hand, not asserted.
  it.each([
    ['s s s …', 's '.repeat(250), false],
    ['one- and two-letter words', 'ab c de f gh i jk l mn o pq r st u vw x yz '.repeat(12), false],
    ['syllables of the Swedish phrases', 'sa su si so ta ti to da di do '.repeat(17), false],
    ['spelled letters that never finish a phrase', 's u i c k i l l m y t a l i v '.repeat(17), false],
    ['“my” over and over', 'my my self my '.repeat(36), false],
    ['the spelled phrase, over and over', 'k i l l m y s e l f '.repeat(25), true],
  ])('answers for crafted input: %s', (_name, text, expected) => {
    // A question is at most 500 characters (the issue): the crafted text fills it.
    expect(matches(text.slice(0, 500))).toBe(expected);
  });

  it('counts a swap of neighbours as one edit', () => {
    expect(editDistance('suicide', 'suicdie', 2)).toBe(1);
    expect(editDistance('suicide', 'suicde', 2)).toBe(1);
    expect(editDistance('kill', 'skills', 1)).toBe(2);
  });
});
