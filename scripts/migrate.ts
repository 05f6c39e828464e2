import { closeDatabase, getMigratedDatabase } from '@/db';
import { prepareQueues, createBoss } from '@/lib/jobs/boss';
import { jobDefinitions } from '@/lib/server/jobs';

const database = await getMigratedDatabase();
const boss = createBoss(database, { work: false });
await boss.start();
await prepareQueues(boss, database, jobDefinitions());
await boss.stop({ graceful: false, wait: true });
await closeDatabase();
console.log(`Migrations applied (${database.kind}).`);
