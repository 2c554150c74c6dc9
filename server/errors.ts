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
  if (isBusyError(err)) return { code: 'unavailable', message: 'The server is busy. Please try again in a moment.' };
  console.error('[fireside] unexpected error', err);
  return { code: 'internal', message: 'Something went wrong on our side. Nothing was changed; please try again.' };
}

/** SQLite busy / PostgreSQL pool-timeout errors are retryable: the caller should try again (F20, F21). */
export function isBusyError(err: unknown): boolean {
  const text = String((err as { message?: string })?.message ?? err) + String((err as { code?: string })?.code ?? '');
  return /SQLITE_BUSY|database is locked|timeout exceeded when trying to connect|Connection terminated due to connection timeout/i.test(text);
}

export async function toResult<T>(fn: () => Promise<T>): Promise<Result<T>> {
  try {
    return { ok: true, data: await fn() };
  } catch (err) {
    return { ok: false, error: toErrorBody(err) };
  }
}
