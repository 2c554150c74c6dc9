// The backchannel's payloads: bounds from the issue brief (1..1000 characters), cleaned text, strict shape (F03, F09).
import { describe, expect, it } from 'vitest';
import { listStaffMessagesSchema, postStaffMessageSchema } from './schema';

const discussionId = 'cm1234567890abcdef';

describe('staff backchannel schemas', () => {
  it('keeps line breaks, strips invisible and bidi characters, trims', () => {
    const r = postStaffMessageSchema.parse({ discussionId, body: '  Sam, can you take\r\nthe next one?\u202e\u200b  ' });
    expect(r.body).toBe('Sam, can you take\nthe next one?');
  });

  it('a message is 1 to 1000 characters after cleaning', () => {
    expect(postStaffMessageSchema.safeParse({ discussionId, body: 'x'.repeat(1000) }).success).toBe(true);
    expect(postStaffMessageSchema.safeParse({ discussionId, body: 'x'.repeat(1001) }).success).toBe(false);
    expect(postStaffMessageSchema.safeParse({ discussionId, body: '' }).success).toBe(false);
    expect(postStaffMessageSchema.safeParse({ discussionId, body: ' \u200b\u2066 ' }).success).toBe(false);
  });

  it('F03 F09 refuses wrong types, huge strings and spoofed authors', () => {
    for (const bad of [
      { discussionId, body: { $ne: null } },
      { discussionId, body: ['hi'] },
      { discussionId, body: 'x'.repeat(100_000) },
      { discussionId: 'bad id!', body: 'hi' },
      { discussionId, body: 'hi', authorId: 'someone-else' },
      { discussionId: ['x'], body: 'hi' },
    ]) {
      expect(postStaffMessageSchema.safeParse(bad).success).toBe(false);
    }
    expect(listStaffMessagesSchema.safeParse({ discussionId, limit: 1000 }).success).toBe(false);
    expect(listStaffMessagesSchema.parse({ discussionId })).toEqual({ discussionId });
  });
});
