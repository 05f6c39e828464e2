import { and, eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { contracts, invites } from '@/db/schema';
import type { Inviter } from '@/lib/accounts/inviter';
import { acceptContract, hashTerms } from '@/lib/contracts/service';
import { joinFromInvite } from '@/lib/invites/accept';
import { earliestStartDate, inviteSchema } from '@/lib/invites/schemas';
import { createInvite, loadTerms } from '@/lib/invites/service';
import { accounts } from '@/lib/ledger/accounts';
import { postTransaction, type Posting } from '@/lib/ledger/post';
import { feeCents, netCents } from '@/lib/money/money';
import { basicInfoSchema } from '@/lib/onboarding/schemas';
import { saveBasicInfo } from '@/lib/onboarding/service';
import { readInviteToken } from './invite-token';

export const DEMO_FREELANCER_EMAIL = 'demo-freelancer@workbridge.test';
const DEMO_CONTRACT_TITLE = 'Website redesign';

export type DemoContract = {
  id: string;
  freelancerId: string;
  hourlyRateCents: number;
  feeBps: number;
  currency: string;
};

/**
 * The demo client's contract with the demo freelancer, made the way a real one is (invite,
 * the link followed, basic info, the offer accepted), and a few weeks of money on it, so
 * both transaction pages have rows. Running it again finds the contract and replays the
 * postings under their fixed keys: nothing is added.
 */
export async function seedDemoMoney(db: Db, inviter: Inviter): Promise<void> {
  const contract = (await findDemoContract(db, inviter)) ?? (await offerDemoContract(db, inviter));
  if (contract) await postDemoMovements(db, contract);
}

async function findDemoContract(db: Db, inviter: Inviter): Promise<DemoContract | null> {
  const [row] = await db
    .select({ id: contracts.id })
    .from(contracts)
    .innerJoin(invites, eq(invites.id, contracts.inviteId))
    .where(
      and(eq(contracts.workspaceId, inviter.workspaceId), eq(invites.email, DEMO_FREELANCER_EMAIL)),
    )
    .limit(1);
  return row ? findPayableContract(db, row.id) : null;
}

/** An hourly contract with a freelancer on it: what the demo movements are made for. */
export async function findPayableContract(
  db: Db,
  contractId: string,
): Promise<DemoContract | null> {
  const [row] = await db
    .select({
      id: contracts.id,
      freelancerId: contracts.freelancerId,
      hourlyRateCents: contracts.hourlyRateCents,
      feeBps: contracts.feeBps,
      currency: contracts.currency,
    })
    .from(contracts)
    .where(eq(contracts.id, contractId));
  // An invite whose link was never followed (a first run cut short) has no one to pay.
  if (!row?.freelancerId || row.hourlyRateCents === null) return null;
  return { ...row, freelancerId: row.freelancerId, hourlyRateCents: row.hourlyRateCents };
}

async function offerDemoContract(db: Db, inviter: Inviter): Promise<DemoContract | null> {
  const created = await createInvite(db, {
    inviter,
    input: inviteSchema.parse({
      email: DEMO_FREELANCER_EMAIL,
      firstName: 'Alex',
      lastName: 'Kim',
      message: '',
      offer: {
        kind: 'hourly',
        title: DEMO_CONTRACT_TITLE,
        description: 'Redesign of the marketing site, in weekly iterations.',
        startDate: earliestStartDate(),
        hourlyRateDollars: '50',
        weeklyLimit: '20',
      },
    }),
  });
  if (!created.ok) throw new Error(`demo invite: ${created.message}`);
  const [row] = await db
    .select({ outboxId: invites.lastOutboxId, contractId: contracts.id })
    .from(invites)
    .innerJoin(contracts, eq(contracts.inviteId, invites.id))
    .where(eq(invites.id, created.inviteId));
  // Seeding runs before the workers start, so the invitation is still in the outbox.
  const joined = await joinFromInvite(db, await readInviteToken(db, row.outboxId!));
  if (!joined.ok) throw new Error(`demo invite link refused: ${joined.reason}`);
  const freelancerId = joined.user.id;
  await saveBasicInfo(
    db,
    freelancerId,
    basicInfoSchema.parse({
      firstName: 'Alex',
      lastName: 'Kim',
      country: 'US',
      timeZone: 'America/New_York',
      acceptTerms: 'on',
    }),
  );
  const terms = await loadTerms(db, created.inviteId);
  const accepted = await acceptContract(db, {
    contractId: row.contractId,
    freelancerId,
    shownHash: hashTerms(terms!),
  });
  if (!accepted.ok) throw new Error(`demo offer not accepted: ${accepted.message}`);
  return findDemoContract(db, inviter);
}

/**
 * Week 1: charged (12 h), released (the fee to the platform, the net to pending) and made
 * available. Week 2: charged (8 h) and waiting for the client's review. Dated when seeded
 * (the clock's now): the contract starts today, so earlier dates would predate it.
 */
function demoPostings(c: DemoContract): Posting[] {
  const money = (cents: number, account: Posting['entries'][number]['account']) => ({
    account,
    cents,
    currency: c.currency,
  });
  const week1 = 12 * c.hourlyRateCents;
  const week2 = 8 * c.hourlyRateCents;
  const net1 = netCents(week1, c.feeBps);
  const posting = (
    week: number,
    kind: Posting['kind'],
    memo: string,
    entries: Posting['entries'],
  ): Posting => ({
    key: `demo:${c.id}:week-${week}:${kind}`,
    source: { type: 'demo_invoice', id: `${c.id}:week-${week}` },
    kind,
    memo,
    entries,
  });
  return [
    posting(1, 'charge', 'Week 1, 12 hours', [
      money(-week1, accounts.clientFunding()),
      money(week1, accounts.inReview(c.id)),
    ]),
    posting(1, 'release', 'Week 1, 12 hours', [
      money(-week1, accounts.inReview(c.id)),
      money(feeCents(week1, c.feeBps), accounts.serviceFees()),
      money(net1, accounts.pending(c.freelancerId)),
    ]),
    posting(1, 'availability', 'Week 1', [
      money(-net1, accounts.pending(c.freelancerId)),
      money(net1, accounts.available(c.freelancerId)),
    ]),
    posting(2, 'charge', 'Week 2, 8 hours', [
      money(-week2, accounts.clientFunding()),
      money(week2, accounts.inReview(c.id)),
    ]),
  ];
}

/** Posts the demo weeks through postTransaction, each in a database transaction of its own. */
export async function postDemoMovements(db: Db, contract: DemoContract): Promise<void> {
  for (const posting of demoPostings(contract)) {
    await db.transaction((tx) => postTransaction(tx, posting));
  }
}
