// Prisma CLI configuration. The CLI is used here only for `prisma generate`: migrations are versioned SQL
// applied by server/db/migrator.ts (see README, "Data layer").
import { defineConfig } from 'prisma/config';

export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations/sqlite' },
});
