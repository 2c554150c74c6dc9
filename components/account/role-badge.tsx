import type { RoleName } from '@/lib/users/roles';

export const ROLE_LABELS: Record<RoleName, string> = { MEMBER: 'Member', FACILITATOR: 'Facilitator', ELDER: 'Elder', ADMIN: 'Admin' };

export function RoleBadge({ role }: { role: RoleName }) {
  return (
    <span data-testid="role-badge" className="rounded-full bg-ember-100 px-2 py-0.5 text-xs font-medium text-ember-800">
      {ROLE_LABELS[role]}
    </span>
  );
}
