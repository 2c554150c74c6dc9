// The HTTP answer for a calendar file (shared by the .ics route handlers).
import type { IcsFile } from './queries';

export function icsResponse(file: IcsFile | null, opts: { download: boolean }): Response {
  if (!file) return new Response('Not found\n', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' } });
  return new Response(file.body, {
    headers: {
      'content-type': 'text/calendar; charset=utf-8',
      'content-disposition': `${opts.download ? 'attachment' : 'inline'}; filename="${file.fileName}"`,
      // Personal and possibly members-only: never in a shared cache.
      'cache-control': 'private, no-store',
      'x-robots-tag': 'noindex',
    },
  });
}
