// The one result shape every command edge returns: socket acks, server actions and route handlers.
export type ErrorCode =
  | 'validation_error'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'rate_limited'
  | 'account_suspended'
  | 'invalid_credentials'
  | 'unavailable'
  | 'agreement_required'
  | 'room_closed'
  | 'internal';

export type AppErrorBody = { code: ErrorCode; message: string; fields?: Record<string, string> };
export type Result<T> = { ok: true; data: T } | { ok: false; error: AppErrorBody };

/** An error a user can cause: typed with a code and carrying a message fit to show them. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fields?: Record<string, string>,
  ) {
    super(message);
    this.name = 'AppError';
  }
  toBody(): AppErrorBody {
    return this.fields ? { code: this.code, message: this.message, fields: this.fields } : { code: this.code, message: this.message };
  }
}
