// `npm run ledger:check`: audits the ledger from its entries and prints every problem found
// (exit 1), or one line saying it holds.
import { closeDatabase, getMigratedDatabase } from '@/db';
import { describeProblem, findLedgerProblems } from '@/lib/ledger/check';

const database = await getMigratedDatabase();
const problems = await findLedgerProblems(database.db);
await closeDatabase();
if (problems.length > 0) {
  for (const problem of problems) console.error(`ledger:check: ${describeProblem(problem)}`);
  process.exit(1);
}
console.log(
  `ledger:check: every transaction balances, the accounts sum to zero and none but world: is negative (${database.kind}).`,
);
