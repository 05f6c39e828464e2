import { closeDatabase, getMigratedDatabase } from '@/db';
import { prepareQueues, createBoss } from '@/lib/jobs/boss';

const database = await getMigratedDatabase();
const boss = createBoss(database, { work: false });
await boss.start();
await prepareQueues(boss, database);
await boss.stop({ graceful: false, wait: true });
await closeDatabase();
console.log(`Migrations applied (${database.kind}).`);
