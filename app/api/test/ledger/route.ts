import { z } from 'zod';
import { getDatabase } from '@/db';
import { contractAccounts, freelancerAccounts } from '@/lib/ledger/accounts';
import { findLedgerProblems } from '@/lib/ledger/check';
import { balancesOf } from '@/lib/ledger/queries';
import { NOT_FOUND, readJson, testHooksEnabled } from '@/lib/test-hooks/guard';

const ledgerRequestSchema = z.object({
  contractIds: z.array(z.uuid()).max(20).default([]),
  freelancerIds: z.array(z.string().min(1).max(64)).max(20).default([]),
});

/**
 * Test runs only (E2E_TEST_HOOKS): what a journey that moves money checks after each step:
 * the ledger's invariants (lib/ledger/check.ts: every transaction balanced with two entries
 * or more, all accounts summing to zero, no account but world: below zero) and the balances
 * of the named contracts' and freelancers' accounts, by account code.
 */
export async function POST(request: Request) {
  if (!testHooksEnabled()) return NOT_FOUND();
  const body = await readJson(request, ledgerRequestSchema);
  if (!body.ok) return body.response;
  const { db } = await getDatabase();
  const codes = [
    ...body.data.contractIds.flatMap(contractAccounts),
    ...body.data.freelancerIds.flatMap(freelancerAccounts),
  ];
  const [problems, balances] = await Promise.all([findLedgerProblems(db), balancesOf(db, codes)]);
  return Response.json({ problems, balances: Object.fromEntries(balances) });
}
