// Pseudonyms: the stable name facilitators see for an anonymous asker in one discussion ("Anonymous fox"), so
// they can tell that three questions come from one person and act on that person without knowing who it is.
// Made on the person's first anonymous question in the discussion; the unique index (discussionId, name) keeps
// two askers from getting the same name, the primary key (discussionId, userId) one person from getting two.
import type { Prisma } from '../db/client';
import { isUniqueViolation } from '../db/unique-violation';

const ANIMALS = [
  'fox',
  'owl',
  'heron',
  'otter',
  'badger',
  'wren',
  'hare',
  'lynx',
  'robin',
  'beaver',
  'crane',
  'marten',
  'finch',
  'seal',
  'deer',
  'lark',
  'moth',
  'swift',
  'stoat',
  'kestrel',
  'salmon',
  'raven',
  'bison',
  'pika',
];
const ADJECTIVES = [
  'quiet',
  'gentle',
  'bright',
  'calm',
  'brave',
  'kind',
  'curious',
  'patient',
  'warm',
  'steady',
  'hopeful',
  'thoughtful',
  'tender',
  'wise',
  'bold',
  'soft',
  'careful',
  'open',
  'honest',
  'lively',
];

/** Every name, in order: "Anonymous fox" … then "Anonymous quiet fox" … then numbered, so the list never runs out. */
export function pseudonymAt(index: number): string {
  const animal = ANIMALS[index % ANIMALS.length];
  const round = Math.floor(index / ANIMALS.length);
  if (round === 0) return `Anonymous ${animal}`;
  if (round <= ADJECTIVES.length) return `Anonymous ${ADJECTIVES[round - 1]} ${animal}`;
  return `Anonymous ${animal} ${round - ADJECTIVES.length + 1}`;
}

const NAMED = ANIMALS.length * (ADJECTIVES.length + 1);

/** The first free name from a random place in the list (so the first anonymous asker is not always "fox"). */
export function freePseudonym(taken: ReadonlySet<string>, start: number): string {
  for (let i = 0; ; i++) {
    const name = pseudonymAt(i < NAMED ? (start + i) % NAMED : i);
    if (!taken.has(name)) return name;
  }
}

/**
 * The person's pseudonym in the discussion, made on first use. Call it outside a transaction: a lost race on
 * the unique index (another asker took the name, or the same person's other tab made theirs) is read and retried.
 */
export async function ensurePseudonym(client: Prisma.TransactionClient, discussionId: string, userId: string): Promise<string> {
  for (let attempt = 0; attempt < 10; attempt++) {
    const own = await client.pseudonym.findUnique({ where: { discussionId_userId: { discussionId, userId } }, select: { name: true } });
    if (own) return own.name;
    const taken = new Set((await client.pseudonym.findMany({ where: { discussionId }, select: { name: true } })).map((p) => p.name));
    const name = freePseudonym(taken, Math.floor(Math.random() * NAMED));
    try {
      await client.pseudonym.create({ data: { discussionId, userId, name } });
      return name;
    } catch (err) {
      if (!isUniqueViolation(err)) throw err;
    }
  }
  throw new Error('could not give the asker a pseudonym');
}

/** userId → pseudonym in the discussion of the given questions (one discussion), for moderator views of anonymous ones. */
export async function pseudonymsFor(
  client: Prisma.TransactionClient,
  rows: readonly { discussionId: string; anonymous: boolean; authorId: string }[],
): Promise<Map<string, string>> {
  const anonymous = rows.filter((r) => r.anonymous);
  if (!anonymous.length) return new Map();
  const discussionId = anonymous[0].discussionId;
  const userIds = [...new Set(anonymous.map((r) => r.authorId))];
  const found = await client.pseudonym.findMany({ where: { discussionId, userId: { in: userIds } }, select: { userId: true, name: true } });
  return new Map(found.map((r) => [r.userId, r.name]));
}
