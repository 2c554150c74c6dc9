// `npm run db:seed`: the explicit way to put the demo community into any database, PostgreSQL included.

import { DEMO_PASSWORD, seedDemoCommunityIfEmpty } from '../prisma/seed';
import { hashPassword } from '../server/auth/password';
import { parseConfig, setConfig } from '../server/config';
import { closeDb, db } from '../server/db/client';
import { migrate } from '../server/db/migrator';

const config = parseConfig(process.env);
setConfig(config);
await migrate(config.databaseUrl);
const seeded = await seedDemoCommunityIfEmpty(db(), hashPassword);
console.log(seeded ? `Seeded the demo community; every demo account's password is "${DEMO_PASSWORD}".` : 'The database already has users; nothing seeded.');
await closeDb();
