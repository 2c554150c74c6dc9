// Generates the Prisma clients for both dialects (SQLite default, PostgreSQL scale mode).
// PRISMA_SCHEMA_ENGINE_BINARY is set to an existing file so the CLI does not try to download the
// schema engine, which `generate` does not need.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const env = { ...process.env, PRISMA_HIDE_UPDATE_MESSAGE: '1', CHECKPOINT_DISABLE: '1' };
if (!env.PRISMA_SCHEMA_ENGINE_BINARY) env.PRISMA_SCHEMA_ENGINE_BINARY = existsSync('/bin/false') ? '/bin/false' : process.execPath;
const bin = path.join(root, 'node_modules', 'prisma', 'build', 'index.js');
for (const schema of ['prisma/schema.prisma', 'prisma/schema.postgres.prisma']) {
  execFileSync(process.execPath, [bin, 'generate', '--schema', schema], { cwd: root, env, stdio: 'inherit' });
}
