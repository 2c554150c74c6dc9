// The HTTP answer of an export route: the file as a download, or the refusal with its status (401 signed out,
// 403 not allowed, 404 no such discussion, 400 bad filters).
import { toErrorBody } from '../errors';
import type { ExportFile } from './queries';

const STATUS: Record<string, number> = { unauthenticated: 401, forbidden: 403, not_found: 404, validation_error: 400, unavailable: 503 };

export async function exportResponse(make: () => Promise<ExportFile>): Promise<Response> {
  try {
    const file = await make();
    return new Response(file.body, {
      headers: {
        'content-type': file.contentType,
        'content-disposition': `attachment; filename="${file.fileName}"`,
        // Staff-only data: never in a shared cache, never indexed.
        'cache-control': 'private, no-store',
        'x-robots-tag': 'noindex',
        'x-content-type-options': 'nosniff',
      },
    });
  } catch (err) {
    const body = toErrorBody(err);
    return new Response(`${body.message}\n`, {
      status: STATUS[body.code] ?? 500,
      headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' },
    });
  }
}
