// `npm run schema:postgres`: writes prisma/schema.postgres.prisma from prisma/schema.prisma (the source of truth).
import { writeFileSync } from 'node:fs';
import { derivePostgresSchema, POSTGRES_SCHEMA_PATH, readSqliteSchema } from './schema-derive';

writeFileSync(POSTGRES_SCHEMA_PATH, derivePostgresSchema(readSqliteSchema()));
console.log(`Wrote ${POSTGRES_SCHEMA_PATH}`);
