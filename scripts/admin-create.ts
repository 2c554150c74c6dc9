// `npm run admin:create -- --email you@example.org --name "Your Name" [--password ...]`
// Creates (or promotes) the first admin of a real deployment. Asks for a password on a terminal, else generates one.
import { randomBytes } from 'node:crypto';
import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { displayNameSchema, emailSchema, passwordSchema } from '../lib/users/schema';
import { hashPassword, isCommonPassword } from '../server/auth/password';
import { parseConfig, setConfig } from '../server/config';
import { closeDb, db } from '../server/db/client';
import { migrate } from '../server/db/migrator';

const { values } = parseArgs({ options: { email: { type: 'string' }, name: { type: 'string' }, password: { type: 'string' } } });
function fail(message: string): never {
  console.error(`admin:create: ${message}`);
  process.exit(2);
}
const email = emailSchema.safeParse(values.email ?? '');
if (!email.success) fail('--email: ' + email.error.issues[0].message);
const name = displayNameSchema.safeParse(values.name ?? '');
if (!name.success) fail('--name: ' + name.error.issues[0].message);

let password = values.password;
let generated = false;
if (!password && process.stdin.isTTY) {
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  password = (await rl.question('Password (12+ characters; leave empty to generate one): ')).trim();
  rl.close();
}
if (!password) {
  password = randomBytes(18).toString('base64url');
  generated = true;
}
const pw = passwordSchema.safeParse(password);
if (!pw.success) fail('password: ' + pw.error.issues[0].message);
if (isCommonPassword(password)) fail('password: that password is too common.');

const config = parseConfig(process.env);
setConfig(config);
await migrate(config.databaseUrl);
const passwordHash = await hashPassword(password);
const user = await db().user.upsert({
  where: { email: email.data },
  create: { email: email.data, displayName: name.data, passwordHash, role: 'ADMIN' },
  update: { role: 'ADMIN', passwordHash, bannedAt: null, banReason: null, sessionVersion: { increment: 1 } },
  select: { id: true, email: true },
});
await db().auditEntry.create({ data: { action: 'user.admin_created', targetType: 'user', targetId: user.id, detail: 'npm run admin:create' } });
console.log(`Admin ready: ${user.email}${generated ? `\nGenerated password (shown once): ${password}` : ''}`);
await closeDb();
