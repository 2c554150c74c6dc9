'use client';
import { useRouter } from 'next/navigation';
import { type FormEvent, useState, useTransition } from 'react';
import { banUserAction, changeRoleAction, unbanUserAction } from '@/app/admin/users/actions';
import { ROLE_LABELS, RoleBadge } from '@/components/account/role-badge';
import { Button } from '@/components/ui/button';
import { inputClass } from '@/components/ui/field';
import type { Result } from '@/lib/result';
import { ROLES, type RoleName } from '@/lib/users/roles';

type Row = { id: string; email: string; displayName: string; role: RoleName; banned: boolean; banReason: string | null };

export function UserAdminRow({ user, isSelf }: { user: Row; isSelf: boolean }) {
  const router = useRouter();
  const [message, setMessage] = useState<{ tone: 'error' | 'ok'; text: string } | null>(null);
  const [pending, startTransition] = useTransition();

  function submit(action: () => Promise<Result<unknown>>, done: string) {
    startTransition(async () => {
      const res = await action();
      setMessage(res.ok ? { tone: 'ok', text: done } : { tone: 'error', text: res.error.message });
      if (res.ok) router.refresh();
    });
  }

  function onRole(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const role = new FormData(e.currentTarget).get('role') as RoleName;
    submit(() => changeRoleAction({ userId: user.id, role }), `Role changed to ${ROLE_LABELS[role]}.`);
  }

  function onBan(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = e.currentTarget;
    const reason = String(new FormData(form).get('reason') ?? '');
    submit(() => banUserAction({ userId: user.id, reason }), 'Banned.');
  }

  const slug = user.id;
  return (
    <li className="grid gap-3 p-4 md:grid-cols-[1fr_auto]" data-testid={`user-row-${user.email}`}>
      <div>
        <p className="flex flex-wrap items-center gap-2 font-medium text-stone-900">
          {user.displayName} <RoleBadge role={user.role} />
          {user.banned && <span className="rounded-full bg-red-100 px-2 py-0.5 text-xs font-medium text-red-800">Banned</span>}
          {isSelf && <span className="text-xs text-stone-600">(you)</span>}
        </p>
        <p className="text-sm text-stone-600">{user.email}</p>
        {user.banned && user.banReason && <p className="text-sm text-stone-700">Reason: {user.banReason}</p>}
        {message && (
          <p role="status" className={`mt-1 text-sm ${message.tone === 'error' ? 'text-red-700' : 'text-green-800'}`}>
            {message.text}
          </p>
        )}
      </div>
      {!isSelf && (
        <div className="flex flex-col gap-2 md:items-end">
          <form onSubmit={onRole} className="flex items-center gap-2">
            <label htmlFor={`role-${slug}`} className="sr-only">
              Role for {user.displayName}
            </label>
            <select id={`role-${slug}`} name="role" defaultValue={user.role} className={`${inputClass} min-w-0 flex-1 md:w-40 md:flex-none`}>
              {ROLES.map((r) => (
                <option key={r} value={r}>
                  {ROLE_LABELS[r]}
                </option>
              ))}
            </select>
            <Button type="submit" variant="secondary" disabled={pending} className="shrink-0">
              Change role
            </Button>
          </form>
          {user.role !== 'ADMIN' &&
            (user.banned ? (
              <Button type="button" variant="secondary" disabled={pending} onClick={() => submit(() => unbanUserAction({ userId: user.id }), 'Ban lifted.')}>
                Unban
              </Button>
            ) : (
              <form onSubmit={onBan} className="flex items-center gap-2">
                <label htmlFor={`reason-${slug}`} className="sr-only">
                  Reason for banning {user.displayName}
                </label>
                <input
                  id={`reason-${slug}`}
                  name="reason"
                  required
                  minLength={3}
                  maxLength={500}
                  placeholder="Reason (kept private)"
                  className={`${inputClass} min-w-0 flex-1 md:w-56 md:flex-none`}
                />
                <Button type="submit" variant="danger" disabled={pending} className="shrink-0">
                  Ban
                </Button>
              </form>
            ))}
        </div>
      )}
    </li>
  );
}
