// Setting a content warning after asking: the tag's shape (the discussion's list is checked on the server), strict.
import { describe, expect, it } from 'vitest';
import { setContentWarningSchema } from './schema';

const questionId = '1b4e28ba-2fa1-41d2-883f-0016d3cca427';

describe('setContentWarningSchema', () => {
  it('reads a tag as discussions store theirs: lower case, cleaned, no commas', () => {
    expect(setContentWarningSchema.parse({ questionId, contentWarning: '  Grief,\u200b Loss ' }).contentWarning).toBe('grief loss');
    expect(setContentWarningSchema.parse({ questionId, contentWarning: 'trauma', version: 3 })).toEqual({ questionId, contentWarning: 'trauma', version: 3 });
  });

  it('null clears the warning', () => {
    expect(setContentWarningSchema.parse({ questionId, contentWarning: null }).contentWarning).toBeNull();
  });

  it('F03 refuses empty or over-long tags, wrong types, bad ids, negative versions and extra fields', () => {
    for (const bad of [
      { questionId, contentWarning: '' },
      { questionId, contentWarning: ' \u200b ' },
      { questionId, contentWarning: 'x'.repeat(31) },
      { questionId, contentWarning: { $ne: null } },
      { questionId, contentWarning: ['trauma'] },
      { questionId },
      { questionId: 'not-a-uuid', contentWarning: 'trauma' },
      { questionId, contentWarning: 'trauma', version: -1 },
      { questionId, contentWarning: 'trauma', version: Number.NaN },
      { questionId, contentWarning: 'trauma', authorId: 'x' },
    ]) {
      expect(setContentWarningSchema.safeParse(bad).success).toBe(false);
    }
  });
});
