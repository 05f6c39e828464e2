import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/*
 * Only lib/ledger/post.ts writes the ledger: no other source file inserts into or updates its
 * tables (the kept balances of ledger_balance included), with Drizzle or with SQL, or calls
 * ledger_post, the SQL function (migrations ledger_speed, ledger_balances) that
 * postTransaction writes through. (eslint keeps the table objects inside lib/ledger;
 * this also catches raw SQL.) Tests may write by hand to prove the database's own guards.
 */
const ROOTS = ['app', 'components', 'db', 'emails', 'lib', 'scripts'];
const WRITES =
  /(insert|update)\(\s*ledger(Accounts|Transactions|Entries|Balances)\b|(insert\s+into|update)\s+("?ledger_|\$\{\s*ledger(Accounts|Transactions|Entries|Balances)\b)|\bledger_post\s*\(/i;
const ALLOWED = new Set(['lib/ledger/post.ts']);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'migrations' ? [] : sourceFiles(full);
    return /\.(ts|tsx|mjs)$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

describe('the ledger has one writer', () => {
  it('finds inserts into the ledger tables only in lib/ledger/post.ts', () => {
    const root = process.cwd();
    const writers = ROOTS.flatMap((dir) => sourceFiles(path.join(root, dir)))
      .map((file) => path.relative(root, file).split(path.sep).join('/'))
      .filter((file) => WRITES.test(readFileSync(file, 'utf8')));
    expect(writers.filter((file) => !ALLOWED.has(file))).toEqual([]);
    // The pattern still matches the real writer: a rename cannot make the test pass by itself.
    expect(writers).toContain('lib/ledger/post.ts');
  });
});
