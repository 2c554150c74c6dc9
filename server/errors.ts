// Turns anything thrown by a command into the Result error shape, logging what users cannot cause.
import { ZodError } from 'zod';
import { AppError, type AppErrorBody, type Result } from '@/lib/result';

export function toErrorBody(err: unknown): AppErrorBody {
  if (err instanceof AppError) return err.toBody();
  if (err instanceof ZodError) {
    const fields: Record<string, string> = {};
    for (const issue of err.issues) {
      const key = issue.path.join('.') || '_';
      fields[key] ??= issue.message;
    }
    const first = err.issues[0]?.message ?? 'Invalid input.';
    return { code: 'validation_error', message: first, fields };
  }
  if (isBusyError(err)) return { code: 'unavailable', message: 'The server is busy right now. Nothing was saved; please try again in a moment.' };
  console.error('[fireside] unexpected error', err);
  return { code: 'internal', message: 'Something went wrong on our side. Nothing was changed; please try again.' };
}

/**
 * Errors that say "the database is busy, try again", never "your input was wrong" (F20, F21): SQLite locked by
 * another writer past the busy timeout, a transaction that could not start in time, no free PostgreSQL pool
 * connection within the acquire timeout, or a query cancelled by the statement timeout. Nothing was written.
 */
export function isBusyError(err: unknown): boolean {
  const e = err as { message?: unknown; code?: unknown; meta?: { driverAdapterError?: { cause?: { originalCode?: unknown } } } } | null;
  const original = String(e?.meta?.driverAdapterError?.cause?.originalCode ?? '');
  if (original.startsWith('SQLITE_BUSY') || original === '57014') return true;
  const text = `${String(e?.message ?? err)} ${String(e?.code ?? '')}`;
  return /SQLITE_BUSY|database is locked|timeout exceeded when trying to connect|Connection terminated due to connection timeout|Unable to start a transaction in the given time|canceling statement due to statement timeout/i.test(
    text,
  );
}

export async function toResult<T>(fn: () => Promise<T>): Promise<Result<T>> {
  try {
    return { ok: true, data: await fn() };
  } catch (err) {
    return { ok: false, error: toErrorBody(err) };
  }
}
