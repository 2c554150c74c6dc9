// Private files: the data folder (database, auth secret) is the owner's only, whatever the umask says.
import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from 'node:fs';
import path from 'node:path';

/** Makes an existing folder 0700: only the account running Fireside can list or enter it. */
export function securePrivateDir(dir: string) {
  if (existsSync(dir)) chmodSync(dir, 0o700);
}

/**
 * Makes an SQLite database file 0600 before SQLite opens it, creating it empty if needed (an empty file is a
 * valid empty database). SQLite creates the -wal and -shm files with the database file's permissions, so
 * they are born 0600 too; existing ones (from before this rule) are fixed here.
 */
export function secureSqliteFiles(file: string) {
  const dir = path.dirname(file);
  if (!existsSync(dir)) mkdirSync(dir, { recursive: true, mode: 0o700 });
  closeSync(openSync(file, 'a', 0o600));
  for (const f of [file, `${file}-wal`, `${file}-shm`, `${file}-journal`]) {
    if (existsSync(f)) chmodSync(f, 0o600);
  }
}
