// Helpers for DATABASE_URL values shared by the client factory, the migrator and scripts.
import path from 'node:path';

export function dialectOf(url: string): 'sqlite' | 'postgresql' {
  if (url.startsWith('file:')) return 'sqlite';
  if (/^postgres(ql)?:\/\//.test(url)) return 'postgresql';
  throw new Error(`DATABASE_URL must start with file: or postgres(ql)://`);
}

/** `file:./data/x.db` → an absolute path (relative paths resolve against the working directory). */
export function sqliteFilePath(url: string): string {
  const p = url.replace(/^file:(\/\/)?/, '').split('?')[0];
  return path.resolve(p);
}
