import { and, asc, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db } from '@/db/client';
import { contracts, invites, milestoneStates, milestones, timeEntries } from '@/db/schema';
import type { Inviter } from '@/lib/accounts/inviter';
import { POLL_INTERVAL_MS, settleDueCharges } from '@/lib/billing/charges';
import { addBillingMethod, hasBillingMethod } from '@/lib/billing/service';
import { now, nowMs } from '@/lib/clock';
import { acceptContract, hashTerms } from '@/lib/contracts/service';
import { getEnv } from '@/lib/env';
import { weekStartDate, weekStartFromDate } from '@/lib/hourly/week';
import { joinFromInvite } from '@/lib/invites/accept';
import { earliestStartDate, inviteSchema } from '@/lib/invites/schemas';
import { createInvite, loadTerms } from '@/lib/invites/service';
import { fundMilestone } from '@/lib/milestones/funding';
import { approveMilestone } from '@/lib/milestones/review';
import { submitMilestone } from '@/lib/milestones/submission';
import { basicInfoSchema } from '@/lib/onboarding/schemas';
import { saveBasicInfo } from '@/lib/onboarding/service';
import { selectPaymentProvider, stripeSettingsOf } from '@/lib/payments/select';
import { runBillingTick } from '@/lib/tick';
import { readInviteToken } from './invite-token';
import { chargeHooks } from './jobs';

export const DEMO_FREELANCER_EMAIL = 'demo-freelancer@workbridge.test';

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
/** Hours logged in each of the five weeks before this one, oldest first. */
const DEMO_WEEK_HOURS = [12, 16, 9, 14, 8];

type DemoOffer = z.input<typeof inviteSchema>['offer'];
type DemoContract = { id: string; kind: 'hourly' | 'fixed'; freelancerId: string };

/**
 * The demo client's two contracts with the demo freelancer, made the way real ones are
 * (invite, the link followed, basic info, the offer accepted) and paid the way real ones are:
 * an hourly contract with five weeks of time, invoiced, charged and released by the billing
 * tick (some weeks available, one pending, the last in review), and a fixed-price contract
 * whose first milestone is funded, submitted and approved and whose second waits in escrow.
 * Running it again finds both and changes nothing: the tick and every step are idempotent.
 * Only with the simulated payment processor (the demo's card is a test card).
 */
export async function seedDemoMoney(db: Db, inviter: Inviter): Promise<void> {
  if (stripeSettingsOf(getEnv())) return;
  const hourly = await demoContract(db, inviter, hourlyOffer());
  const fixed = await demoContract(db, inviter, fixedOffer());
  if (!(await hasBillingMethod(db, inviter.workspaceId))) {
    const added = await addBillingMethod(
      db,
      selectPaymentProvider(db),
      inviter,
      { kind: 'simulated-card', number: '4242 4242 4242 4242', expMonth: 12, expYear: 2040 },
      null,
    );
    if (!added.ok) throw new Error(`demo card: ${added.message}`);
  }
  const firstWeek = hourly ? await logDemoWeeks(db, hourly) : null;
  if (firstWeek) await replayDemoWeeks(db, firstWeek);
  if (fixed) await payDemoMilestones(db, inviter, fixed);
}

/**
 * The demo offers' start date: today by the app clock, but never before the offer form's
 * earliest date, which the invite schema takes from the real time (README "Known gaps"): a
 * test's clock may stand behind it. Due dates count from it.
 */
function demoStartDate(): string {
  const today = now().toISOString().slice(0, 10);
  const earliest = earliestStartDate();
  return today > earliest ? today : earliest;
}

function hourlyOffer(): DemoOffer {
  return {
    kind: 'hourly',
    title: 'Website redesign',
    description: 'Redesign of the marketing site, in weekly iterations.',
    startDate: demoStartDate(),
    hourlyRateDollars: '50',
    weeklyLimit: '20',
  };
}

function fixedOffer(): DemoOffer {
  const startDate = demoStartDate();
  const inDays = (days: number) =>
    new Date(Date.parse(`${startDate}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
  return {
    kind: 'fixed',
    title: 'Brand guidelines',
    description: 'A short brand book: logo use, colours and type.',
    startDate,
    milestones: [
      { description: 'Logo and colour palette', amountDollars: '800', dueDate: inDays(14) },
      { description: 'Typography and the brand book', amountDollars: '1200', dueDate: inDays(28) },
    ],
  };
}

async function demoContract(
  db: Db,
  inviter: Inviter,
  offer: DemoOffer,
): Promise<DemoContract | null> {
  return (
    (await findDemoContract(db, inviter, offer.title)) ??
    (await offerDemoContract(db, inviter, offer))
  );
}

async function findDemoContract(
  db: Db,
  inviter: Inviter,
  title: string,
): Promise<DemoContract | null> {
  const [row] = await db
    .select({ id: contracts.id, kind: contracts.kind, freelancerId: contracts.freelancerId })
    .from(contracts)
    .innerJoin(invites, eq(invites.id, contracts.inviteId))
    .where(
      and(
        eq(contracts.workspaceId, inviter.workspaceId),
        eq(invites.email, DEMO_FREELANCER_EMAIL),
        eq(contracts.title, title),
      ),
    )
    .limit(1);
  // An invite whose link was never followed (a first run cut short) has no one to pay.
  return row?.freelancerId ? { ...row, freelancerId: row.freelancerId } : null;
}

async function offerDemoContract(
  db: Db,
  inviter: Inviter,
  offer: DemoOffer,
): Promise<DemoContract | null> {
  const created = await createInvite(db, {
    inviter,
    input: inviteSchema.parse({
      email: DEMO_FREELANCER_EMAIL,
      firstName: 'Alex',
      lastName: 'Kim',
      message: '',
      offer,
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
    { userId: freelancerId, ip: null },
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
  return findDemoContract(db, inviter, offer.title);
}

/**
 * Five past weeks of tracked time on the hourly contract, its start moved back to the first
 * of them. Written directly: the diary refuses time in weeks past their edit deadline,
 * which is what a demo with invoices needs. Once only: a contract with time is left alone.
 * Returns the first week's Monday when it logged the weeks.
 */
async function logDemoWeeks(db: Db, contract: DemoContract): Promise<Date | null> {
  const [logged] = await db
    .select({ id: timeEntries.id })
    .from(timeEntries)
    .where(eq(timeEntries.contractId, contract.id))
    .limit(1);
  if (logged) return null;
  const thisWeek = weekStartFromDate(weekStartDate(now()));
  const firstWeek = new Date(thisWeek.getTime() - DEMO_WEEK_HOURS.length * 7 * DAY_MS);
  const entries = DEMO_WEEK_HOURS.flatMap((hours, week) => {
    const monday = firstWeek.getTime() + week * 7 * DAY_MS;
    // Four working days, the week's hours spread over them (whole hours, the rest on Monday).
    return [0, 1, 2, 3].map((day) => {
      const dayHours = Math.floor(hours / 4) + (day === 0 ? hours % 4 : 0);
      const startedAt = new Date(monday + day * DAY_MS + 9 * HOUR_MS);
      return {
        contractId: contract.id,
        freelancerId: contract.freelancerId,
        kind: 'tracked' as const,
        startedAt,
        endedAt: new Date(startedAt.getTime() + dayHours * HOUR_MS),
        memo: ['Page layouts', 'Design review', 'Component library', 'Checkout flow'][day],
      };
    });
  });
  await db.transaction(async (tx) => {
    await tx
      .update(contracts)
      .set({ startDate: weekStartDate(firstWeek), status: 'active' })
      .where(eq(contracts.id, contract.id));
    await tx.insert(timeEntries).values(entries);
  });
  return firstWeek;
}

/**
 * The billing tick at the times it would have run since the first demo week (each Monday
 * 12:00, Wednesday and Saturday 00:00 UTC), then now: each week invoiced, charged, released
 * after its review and made available on its Wednesday, dated as if the app had been running.
 * The tick does everything due at the time it is given; the card settlement runs after each.
 */
async function replayDemoWeeks(db: Db, firstWeek: Date): Promise<void> {
  const times: Date[] = [];
  for (let monday = firstWeek.getTime() + 7 * DAY_MS; monday <= nowMs(); monday += 7 * DAY_MS) {
    for (const offset of [2 * DAY_MS, 12 * HOUR_MS, 5 * DAY_MS]) {
      if (monday + offset <= nowMs()) times.push(new Date(monday + offset));
    }
  }
  for (const at of [...times.sort((a, b) => a.getTime() - b.getTime()), now()]) {
    await tickAndSettle(db, at);
  }
}

/** One billing tick at `at`, then the card settlement of every charge due so far. */
async function tickAndSettle(db: Db, at: Date): Promise<void> {
  await runBillingTick(db, at, { log: () => {} });
  await settleDueCharges(
    db,
    selectPaymentProvider(db),
    chargeHooks(),
    100,
    new Date(nowMs() + POLL_INTERVAL_MS),
  );
}

/** Milestone 1 funded, submitted and approved (its net pending); milestone 2 in escrow. */
async function payDemoMilestones(db: Db, inviter: Inviter, contract: DemoContract): Promise<void> {
  const rows = await db
    .select({
      id: milestones.id,
      amountCents: milestones.amountCents,
      status: milestoneStates.status,
    })
    .from(milestones)
    .leftJoin(milestoneStates, eq(milestoneStates.milestoneId, milestones.id))
    .where(eq(milestones.contractId, contract.id))
    .orderBy(asc(milestones.position));
  const actor = { userId: inviter.userId, workspaceId: inviter.workspaceId };
  for (const milestone of rows) {
    if (milestone.status && milestone.status !== 'unfunded') continue;
    await fundMilestone(db, selectPaymentProvider(db), chargeHooks(), actor, {
      contractId: contract.id,
      milestoneId: milestone.id,
      amountCents: milestone.amountCents,
    });
  }
  await tickAndSettle(db, now());
  const [first] = rows;
  if (!first) return;
  const ref = { contractId: contract.id, milestoneId: first.id };
  const [state] = await db
    .select({ status: milestoneStates.status })
    .from(milestoneStates)
    .where(eq(milestoneStates.milestoneId, first.id));
  if (state?.status === 'funded') {
    const submitted = await submitMilestone(db, {
      ...ref,
      viewer: { userId: contract.freelancerId, workspaceId: null, isAdmin: false },
      message: 'The logo in three versions and the palette, with notes on use.',
      links: [],
      files: [],
    });
    if (!submitted.ok) throw new Error(`demo submission: ${submitted.message}`);
  }
  if (state?.status === 'funded' || state?.status === 'submitted') {
    const approved = await approveMilestone(db, {
      ...ref,
      viewer: { userId: inviter.userId, workspaceId: inviter.workspaceId, isAdmin: false },
    });
    if (!approved.ok) throw new Error(`demo approval: ${approved.message}`);
  }
}
