import { getTableColumns, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { contracts, invites, timeEntries } from '@/db/schema';
import { addBillingMethod } from '@/lib/billing/service';
import { createSimulatedProvider } from '@/lib/payments/simulated';
import { makeFreelancer } from '@/lib/test-hooks/factories';
import { freelancerRequestSchema } from '@/lib/test-hooks/schemas';

/*
 * The billing tick bench's data: WORKSPACES clients with a simulated card each and
 * CONTRACTS_PER_WORKSPACE active hourly contracts, each with its own freelancer and a week
 * of tracked time (five days, four hours a day, with a memo) in the week of `weekStart`.
 * One contract per workspace is made through the factories, as the app makes them; the rest
 * are copies of its invite and contract rows (new ids, new freelancer), written by SQL so
 * 10,000 contracts take seconds, not an hour.
 */
export type TickSeed = { contracts: number; entries: number };

export async function seedTickBench(
  db: Db,
  options: { workspaces: number; contractsPerWorkspace: number; weekStart: Date },
): Promise<TickSeed> {
  const provider = createSimulatedProvider(db);
  const monday = options.weekStart.toISOString().slice(0, 10);
  for (let w = 0; w < options.workspaces; w++) {
    const made = await makeFreelancer(
      db,
      freelancerRequestSchema.parse({ kind: 'freelancer', step: 'contract', offer: 'hourly' }),
    );
    const card = await addBillingMethod(
      db,
      provider,
      {
        userId: made.client.userId,
        name: made.client.name,
        workspaceId: made.client.workspaceId,
        workspaceName: 'Bench client',
      },
      { kind: 'simulated-card', number: '4242 4242 4242 4242', expMonth: 12, expYear: 2040 },
      '203.0.113.7',
    );
    if (!card.ok) throw new Error(card.message);
    await copyContract(db, made.inviteId, options.contractsPerWorkspace - 1, `${w}`);
  }
  // Every bench contract started long before the week, and is active.
  await db.execute(sql`update contract set start_date = '2020-01-06', status = 'active'`);
  await db.execute(sql`
    insert into time_entry (contract_id, freelancer_id, kind, started_at, ended_at, memo)
    select c.id, c.freelancer_id, 'tracked',
           ${monday}::timestamptz + make_interval(days => d, hours => 9),
           ${monday}::timestamptz + make_interval(days => d, hours => 13),
           'Bench work, day ' || (d + 1)
    from contract c cross join generate_series(0, 4) as d
    where c.kind = 'hourly'`);
  return { contracts: await db.$count(contracts), entries: await db.$count(timeEntries) };
}

/** `copies` more contracts like the template invite's, each with a new freelancer account. */
async function copyContract(db: Db, templateInviteId: string, copies: number, tag: string) {
  const columns = (table: typeof invites | typeof contracts) =>
    Object.values(getTableColumns(table)).map((column) => column.name);
  const list = (names: string[], replace: Record<string, string>) =>
    names.map((n) => replace[n] ?? `t."${n}"`).join(', ');
  const quoted = (names: string[]) => names.map((n) => `"${n}"`).join(', ');
  const inviteColumns = columns(invites);
  const contractColumns = columns(contracts);
  await db.transaction(async (tx) => {
    await tx.execute(
      sql.raw(`
      create temporary table bench_copy on commit drop as
      select n, gen_random_uuid() as invite_id, gen_random_uuid() as contract_id,
             gen_random_uuid()::text as user_id
      from generate_series(1, ${copies}) as n`),
    );
    await tx.execute(
      sql.raw(`
      insert into "user" (id, email, name, active_side, "emailVerified")
      select user_id, 'bench-f-${tag}-' || n || '@example.com', 'Bench Freelancer ' || n,
             'freelancer', now()
      from bench_copy`),
    );
    await tx.execute(
      sql.raw(`
      insert into invite (${quoted(inviteColumns)})
      select ${list(inviteColumns, { id: 'c.invite_id', email: `'bench-f-${tag}-' || c.n || '@example.com'` })}
      from invite t cross join bench_copy c where t.id = '${templateInviteId}'`),
    );
    await tx.execute(
      sql.raw(`
      insert into contract (${quoted(contractColumns)})
      select ${list(contractColumns, { id: 'c.contract_id', invite_id: 'c.invite_id', freelancer_id: 'c.user_id' })}
      from contract t cross join bench_copy c where t.invite_id = '${templateInviteId}'`),
    );
  });
}
