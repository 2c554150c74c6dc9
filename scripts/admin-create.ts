// `npm run admin:create -- --email you@example.org --name "Your Name"`
// Creates (or promotes) the first admin of a real deployment. The password is typed at a hidden prompt (on a
// terminal: nothing is shown) or piped on stdin (`printf '%s\n' "$PW" | npm run admin:create -- ...`); never
// taken from the command line (shell history, the process list) and never printed.
import { parseArgs } from 'node:util';
import { AppError } from '../lib/result';
import { displayNameSchema, emailSchema, passwordSchema } from '../lib/users/schema';
import { isCommonPassword } from '../server/auth/password';
import { parseConfig, setConfig } from '../server/config';
import { closeDb } from '../server/db/client';
import { migrate } from '../server/db/migrator';
import { createAdmin } from '../server/users/commands';

const USAGE = 'usage: npm run admin:create -- --email you@example.org --name "Your Name"   (the password is asked for, or read from stdin)';

function fail(message: string): never {
  console.error(`admin:create: ${message}`);
  process.exit(2);
}

// Refused before anything else, and without repeating what was given: it may be the password.
if (process.argv.slice(2).some((a) => /^--?(password|pass|pw|p)(=|$)/i.test(a))) {
  fail(
    'a password on the command line is not accepted (it would stay in your shell history and the process list). ' +
      'Run the command without it and type the password at the prompt, or pipe it on stdin:\n' +
      '  printf \'%s\\n\' "$ADMIN_PASSWORD" | npm run admin:create -- --email you@example.org --name "Your Name"',
  );
}

let values: { email?: string; name?: string };
try {
  ({ values } = parseArgs({ options: { email: { type: 'string' }, name: { type: 'string' } }, strict: true, allowPositionals: false }));
} catch {
  fail(`unexpected arguments.\n${USAGE}`);
}
const email = emailSchema.safeParse(values.email ?? '');
if (!email.success) fail(`--email: ${email.error.issues[0].message}`);
const name = displayNameSchema.safeParse(values.name ?? '');
if (!name.success) fail(`--name: ${name.error.issues[0].message}`);

/**
 * Reads lines from the terminal with echo off. Raw mode is on before the first prompt is printed and stays on
 * until the last answer, so even typing ahead is never echoed; the characters are read, never written back.
 */
async function hiddenPrompts(questions: string[]): Promise<string[]> {
  const stdin = process.stdin;
  stdin.setRawMode(true);
  stdin.setEncoding('utf8');
  stdin.resume();
  const answers: string[] = [];
  let input = '';
  // Lines typed ahead of their prompt wait here until asked for.
  const lines: string[] = [];
  let wake: (() => void) | null = null;
  const onData = (chunk: string) => {
    for (const ch of chunk) {
      if (ch === '\u0003') {
        stdin.setRawMode(false);
        process.stdout.write('\n');
        process.exit(130);
      }
      if (ch === '\r' || ch === '\n' || ch === '\u0004') {
        lines.push(input);
        input = '';
        wake?.();
      } else if (ch === '\u007f' || ch === '\b') input = input.slice(0, -1);
      else if (ch >= ' ') input += ch;
    }
  };
  stdin.on('data', onData);
  try {
    for (const question of questions) {
      process.stdout.write(question);
      while (!lines.length) await new Promise<void>((resolve) => (wake = resolve));
      answers.push(lines.shift() ?? '');
      process.stdout.write('\n');
    }
  } finally {
    stdin.off('data', onData);
    stdin.setRawMode(false);
    stdin.pause();
  }
  return answers;
}

/** The first line piped on stdin (a trailing newline is not part of the password). */
async function readPipedLine(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0];
}

let password: string;
if (process.stdin.isTTY) {
  const [first, again] = await hiddenPrompts([`Password for ${email.data} (at least 12 characters, not shown): `, 'Type it again: ']);
  if (again !== first) fail('the two passwords differ. Nothing was changed.');
  password = first;
} else {
  password = await readPipedLine();
  if (!password) fail(`no password on stdin. Pipe it in, or run in a terminal to be asked for it.\n${USAGE}`);
}
const pw = passwordSchema.safeParse(password);
if (!pw.success) fail(`password: ${pw.error.issues[0].message}`);
if (isCommonPassword(password)) fail('password: that password is too common.');

const config = parseConfig(process.env);
setConfig(config);
await migrate(config.databaseUrl);
try {
  // The command checks everything again and writes the account and its audit entry in one transaction.
  const user = await createAdmin({ email: email.data, displayName: name.data, password });
  console.log(`Admin ready: ${user.email}`);
} catch (err) {
  if (err instanceof AppError && err.fields?.displayName)
    fail('--name: another member already has that display name, or one that looks just like it. Choose another.');
  if (err instanceof AppError) fail(err.message);
  throw err;
} finally {
  await closeDb();
}
