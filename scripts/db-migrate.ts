// `npm run db:migrate`: applies pending migrations to DATABASE_URL (the embedded SQLite file by default).
import { parseConfig } from '../server/config';
import { migrate } from '../server/db/migrator';

const config = parseConfig(process.env);
const result = await migrate(config.databaseUrl);
console.log(
  result.applied.length
    ? `Applied ${result.applied.length} migration(s): ${result.applied.join(', ')}`
    : `Database is up to date (${result.alreadyApplied} migration(s) applied earlier).`,
);
