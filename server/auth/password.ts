// Password hashing (argon2id, OWASP parameters) and the common-password check.
import { hash, verify } from '@node-rs/argon2';
import { dictionary } from '@zxcvbn-ts/language-common';

// OWASP Password Storage Cheat Sheet: argon2id, m=19 MiB, t=2, p=1. @node-rs/argon2 defaults to argon2id.
const OPTIONS = { memoryCost: 19_456, timeCost: 2, parallelism: 1, outputLen: 32 } as const;

let common: Set<string> | null = null;
function commonPasswords(): Set<string> {
  common ??= new Set(dictionary['passwords-common'].map((p) => p.toLowerCase()));
  return common;
}

/** True when the password is on the list of commonly used passwords (case-insensitive). */
export function isCommonPassword(password: string): boolean {
  const p = password.toLowerCase();
  if (commonPasswords().has(p)) return true;
  // "password1234", "qwertyqwerty": a common password with digits appended or repeated.
  const stripped = p.replace(/\d+$/, '');
  return stripped.length >= 4 && (commonPasswords().has(stripped) || /^(.+?)\1+$/.test(p));
}

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

let dummy: Promise<string> | null = null;
/** A real hash to verify against when the account does not exist, so both paths take the same time (F15). */
export function dummyHash(): Promise<string> {
  dummy ??= hashPassword(`fireside-timing-equaliser-${Math.random()}`);
  return dummy;
}
