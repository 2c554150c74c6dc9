// Account input schemas shared by forms, server actions and tests. No Prisma, no Node APIs.
import { z } from 'zod';
import { cleanText } from '../text/clean';
import { isValidTimeZone } from '../time/zoned';
import { mixesAlphabets, nameKey, roleWordIn } from './display-name';
import { ROLES } from './roles';

export const PASSWORD_MIN = 12;
const PASSWORD_MAX = 256;

export const emailSchema = z
  .string({ error: 'Enter your email address.' })
  .trim()
  .toLowerCase()
  .max(254, 'That email address is too long.')
  .pipe(z.email({ error: 'Enter a valid email address, like name@example.org.' }));

export const displayNameSchema = z
  .string({ error: 'Enter a display name.' })
  .transform(cleanText)
  .pipe(
    z
      .string()
      .min(2, 'Your display name needs at least 2 characters.')
      .max(60, 'Your display name can have at most 60 characters.')
      .refine((name) => nameKey(name) !== '', 'Your display name needs at least one letter, number or symbol besides punctuation.')
      // Latin, Cyrillic and Greek letters look alike; a mix is how one name poses as another ("Мaya" with a Cyrillic М).
      .refine((name) => !mixesAlphabets(name), 'Use one alphabet for your name: Latin, Cyrillic or Greek letters, not a mix.')
      // Staff badges are added by Fireside next to staff names; a name that says it would let anyone pose as staff.
      .refine((name) => roleWordIn(name) === null, {
        error: (issue) => `Display names cannot contain role words like “${roleWordIn(String(issue.input))}”. Staff badges are shown by Fireside itself.`,
      }),
  );

const timeZoneSchema = z.string().max(64).refine(isValidTimeZone, 'Choose a time zone from the list.');

export const passwordSchema = z
  .string({ error: 'Enter a password.' })
  .min(PASSWORD_MIN, `Use at least ${PASSWORD_MIN} characters.`)
  .max(PASSWORD_MAX, `Use at most ${PASSWORD_MAX} characters.`);

export const signUpSchema = z
  .object({
    email: emailSchema,
    displayName: displayNameSchema,
    password: passwordSchema,
    timeZone: timeZoneSchema.catch('UTC'),
  })
  .strict();

export const signInSchema = z.object({ email: emailSchema, password: z.string().min(1, 'Enter your password.').max(PASSWORD_MAX) }).strip();

export const updateProfileSchema = z.object({ displayName: displayNameSchema, timeZone: timeZoneSchema }).strict();
/** The reading preference "Always show content behind warnings" (issue 10 item 3). */
export const setShowWarnedContentSchema = z.object({ showWarnedContent: z.boolean() }).strict();

/** Password change on the profile: the current password, and a new one under the sign-up rules. */
export const changePasswordSchema = z
  .object({
    currentPassword: z.string({ error: 'Enter your current password.' }).min(1, 'Enter your current password.').max(PASSWORD_MAX),
    newPassword: passwordSchema,
  })
  .strict()
  .refine((v) => v.currentPassword !== v.newPassword, { path: ['newPassword'], error: 'Choose a new password that differs from the current one.' });

export const changeRoleSchema = z.object({ userId: z.string().min(1).max(64), role: z.enum(ROLES) }).strict();
export const banUserSchema = z
  .object({
    userId: z.string().min(1).max(64),
    reason: z.string().transform(cleanText).pipe(z.string().min(3, 'Give a reason of at least 3 characters.').max(500)),
  })
  .strict();
export const unbanUserSchema = z.object({ userId: z.string().min(1).max(64) }).strict();
/** `npm run admin:create`: the first admin of a deployment, or an existing account (by email) made admin. */
export const createAdminSchema = z.object({ email: emailSchema, displayName: displayNameSchema, password: passwordSchema }).strict();
export const searchUsersSchema = z.object({ q: z.string().max(100).default(''), page: z.coerce.number().int().min(1).max(10_000).default(1) });
