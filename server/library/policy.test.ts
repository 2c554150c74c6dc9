import { describe, expect, it } from 'vitest';
import { ROLES } from '@/lib/users/roles';
import { canCreateModalities, canEditArticles } from './policy';

describe('library policy', () => {
  it('only elders and admins edit articles and add modalities; signed-out visitors never', () => {
    const allowed = ROLES.filter((role) => canEditArticles({ id: 'u', role }));
    expect(allowed).toEqual(['ELDER', 'ADMIN']);
    expect(ROLES.filter((role) => canCreateModalities({ id: 'u', role }))).toEqual(['ELDER', 'ADMIN']);
    expect(canEditArticles(null)).toBe(false);
    expect(canCreateModalities(null)).toBe(false);
  });
});
