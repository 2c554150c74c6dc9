// GET the admin audit log as CSV, with the filters of /admin/audit (admins only; 401 signed out, 403 anyone else).
import { auditFiltersFromSearch } from '@/lib/audit/log';
import { getActor } from '@/server/auth/next-session';
import { auditCsv } from '@/server/exports/queries';
import { exportResponse } from '@/server/exports/respond';

export const dynamic = 'force-dynamic';

export async function GET(req: Request) {
  const params = Object.fromEntries(new URL(req.url).searchParams);
  const { page: _page, ...filters } = auditFiltersFromSearch(params);
  return exportResponse(async () => auditCsv(await getActor(), filters));
}
