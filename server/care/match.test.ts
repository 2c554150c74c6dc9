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
  ])('does not match %j', (text) => {
    expect(matches(text)).toBe(false);
  });

  // Accepted false positive (documented in match.ts): titles and news mention the word; a facilitator reads them.
  it('matches a film title that names the word (a false positive we accept)', () => {
    expect(matches('Has anyone seen the Suicide Squad movie?')).toBe(true);
  });

  it('an empty list matches nothing', () => {
    expect(careMatcher([])('I want to kill myself')).toBe(false);
  });

  it('folds words: case, accents, leet inside words, apostrophes, punctuation', () => {
    expect(careWords('K1ll my$elf! Don’t — SJÄLV-mord')).toEqual(['kill', 'myself', 'dont', 'sjalv', 'mord']);
    expect(careWords('call 988 now')).toEqual(['call', '988', 'now']);
  });

  it('counts a swap of neighbours as one edit', () => {
    expect(editDistance('suicide', 'suicdie', 2)).toBe(1);
    expect(editDistance('suicide', 'suicde', 2)).toBe(1);
    expect(editDistance('kill', 'skills', 1)).toBe(2);
  });
});
