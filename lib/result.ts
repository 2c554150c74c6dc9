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
  | 'muted'
  | 'removed'
  | 'internal';

export type AppErrorBody = {
  code: ErrorCode;
  message: string;
  fields?: Record<string, string>;
  /** `conflict` on a moderation action: the question as it is now (a moderator view). */
  current?: unknown;
  /** `muted`: when the mute ends (ISO), null when it lasts until the discussion ends. */
  until?: string | null;
};
export type Result<T> = { ok: true; data: T } | { ok: false; error: AppErrorBody };

/** An error a user can cause: typed with a code and carrying a message fit to show them. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fields?: Record<string, string>,
    readonly extra?: Pick<AppErrorBody, 'current' | 'until'>,
  ) {
    super(message);
    this.name = 'AppError';
  }
  toBody(): AppErrorBody {
    return { code: this.code, message: this.message, ...(this.fields ? { fields: this.fields } : {}), ...this.extra };
  }
}
