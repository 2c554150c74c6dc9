// The one check for "a unique constraint refused this write" (Prisma P2002), for both dialects' driver adapters.

type ConstraintMeta = {
  target?: string | string[];
  driverAdapterError?: { cause?: { constraint?: { fields?: string[]; index?: string } } };
};

/** The fields a violated unique constraint covers, read from the error's structured metadata. */
function violatedFields(err: unknown): string[] {
  const meta = ((err as { meta?: unknown }).meta ?? {}) as ConstraintMeta;
  const constraint = meta.driverAdapterError?.cause?.constraint;
  const fields = [...(constraint?.fields ?? []), ...[meta.target ?? []].flat()];
  // PostgreSQL names the index instead ("User_nameKey_key", "Vote_questionId_userId_key"): its middle parts are the fields.
  if (constraint?.index) fields.push(...constraint.index.split('_').slice(1, -1));
  return fields;
}

/**
 * Whether `err` is a unique-constraint violation, optionally on a constraint that covers `field`. Only the
 * structured metadata is read, never the message: Prisma's message quotes the calling source code, which may
 * name any field.
 */
export function isUniqueViolation(err: unknown, field?: string): boolean {
  if ((err as { code?: unknown } | null)?.code !== 'P2002') return false;
  return field === undefined || violatedFields(err).includes(field);
}
