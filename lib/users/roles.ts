// The one role ladder: every "at least a facilitator / an elder" check in the app reads it from here.
export const ROLES = ['MEMBER', 'FACILITATOR', 'ELDER', 'ADMIN'] as const;
export type RoleName = (typeof ROLES)[number];

/** Each role includes every right of the roles below it. */
const RANK: Readonly<Record<RoleName, number>> = { MEMBER: 0, FACILITATOR: 1, ELDER: 2, ADMIN: 3 };

/** Whether `role` is `min` or above on the ladder; no role (a visitor) is below everyone. */
export function atLeast(role: RoleName | null | undefined, min: RoleName): boolean {
  return role != null && RANK[role] >= RANK[min];
}
