// Discussion input: the one http-URL rule for the external link, the one text cleaner for title and description.
import { describe, expect, it } from 'vitest';
import { createDiscussionSchema } from './schema';

const base = {
  title: 'Breathwork circle',
  description: 'Line one\r\nline two',
  hostIds: ['h1'],
  localStart: '2026-12-01T19:00',
  timeZone: 'Europe/Berlin',
  durationMinutes: 60,
  capacity: '',
  agreementText: 'I will keep what is shared here confidential.',
};

describe('createDiscussionSchema', () => {
  it('keeps an http(s) link and refuses other schemes and links with credentials', () => {
    expect(createDiscussionSchema.parse({ ...base, externalLink: 'https://example.org/meet' }).externalLink).toBe('https://example.org/meet');
    expect(createDiscussionSchema.parse({ ...base, externalLink: '' }).externalLink).toBeNull();
    for (const bad of ['javascript:alert(1)', 'mailto:a@b.org', 'https://trusted.example@evil.example/', 'https://user:pass@example.org/']) {
      const r = createDiscussionSchema.safeParse({ ...base, externalLink: bad });
      expect(r.success, bad).toBe(false);
      expect(r.error!.issues[0]).toMatchObject({ path: ['externalLink'], message: 'Enter a full http:// or https:// link, or leave it empty.' });
    }
  });

  it('F13 strips invisible and bidi characters from the title and description', () => {
    const d = createDiscussionSchema.parse({ ...base, title: 'Breath\u00adwork\u202e circle\u{e0041}', description: 'a\u2066b\u2069\r\nc\u061c' });
    expect(d.title).toBe('Breathwork circle');
    expect(d.description).toBe('ab\nc');
  });
});
