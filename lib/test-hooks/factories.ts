import { randomUUID } from 'node:crypto';
import { asc, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db } from '@/db/client';
import { clientWorkspaces, contracts, invites, milestones, timeEntries, users } from '@/db/schema';
import { upsertVerifiedUser } from '@/lib/accounts/queries';
import { chooseSide } from '@/lib/accounts/service';
import { addBillingMethod } from '@/lib/billing/service';
import { now } from '@/lib/clock';
import { acceptContract, hashTerms } from '@/lib/contracts/service';
import { joinFromInvite } from '@/lib/invites/accept';
import { inviteUrl } from '@/lib/invites/emails';
import { weekStartDate, weekStartFromDate } from '@/lib/hourly/week';
import { inviteSchema } from '@/lib/invites/schemas';
import type { Inviter } from '@/lib/accounts/inviter';
import { createInvite, loadTerms } from '@/lib/invites/service';
import { basicInfoSchema } from '@/lib/onboarding/schemas';
import { saveBasicInfo } from '@/lib/onboarding/service';
import { selectPaymentProvider } from '@/lib/payments/select';
import { readInviteToken } from '@/lib/server/invite-token';
import { findPayableContract, postDemoMovements } from './payments';
import {
  FREELANCER_STEPS,
  type clientRequestSchema,
  type contractRequestSchema,
  type FreelancerStep,
  type freelancerRequestSchema,
  type hourlyWeekRequestSchema,
  type inviteRequestSchema,
  type paymentsRequestSchema,
  type fixedContractRequestSchema,
} from './schemas';

/**
 * Records for the browser journeys, made through the services the pages call, so a journey
 * about a later step starts where the earlier ones would have left it. Input arrives
 * form-shaped and goes through the features' own schemas. Reached only through
 * /api/test/factories, which exists only with E2E_TEST_HOOKS.
 */
type ClientRequest = z.output<typeof clientRequestSchema>;
type InviteRequest = z.output<typeof inviteRequestSchema>;
type FreelancerRequest = z.output<typeof freelancerRequestSchema>;
type ContractRequest = z.output<typeof contractRequestSchema>;
type PaymentsRequest = z.output<typeof paymentsRequestSchema>;
type HourlyWeekRequest = z.output<typeof hourlyWeekRequestSchema>;
type FixedContractRequest = z.output<typeof fixedContractRequestSchema>;

export type MadeClient = { userId: string; email: string; workspaceId: string; name: string };
export type MadeInvite = { inviteId: string; contractId: string; email: string; link: string };
export type MadeFreelancer = MadeInvite & {
  step: FreelancerStep;
  /** Null while only invited: the account is made when the link is followed. */
  userId: string | null;
  client: MadeClient;
};

const uniqueEmail = (prefix: string) => `${prefix}-${randomUUID()}@example.com`;

/** A calendar date (UTC) some days from today, as the offer form sends it. */
const daysFromNow = (days: number) =>
  new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

export async function makeClient(db: Db, input: ClientRequest): Promise<MadeClient> {
  const email = input.email ?? uniqueEmail('client');
  const user = await upsertVerifiedUser(db, email);
  await chooseSide(db, user.id, {
    side: 'client',
    yourName: input.name,
    workspaceName: input.workspaceName,
    workspaceType: input.workspaceType,
    timeZone: 'UTC',
  });
  return { ...(await findInviter(db, email)), email };
}

async function findInviter(db: Db, email: string): Promise<Inviter & MadeClient> {
  const [row] = await db
    .select({ userId: users.id, name: users.name, workspace: clientWorkspaces })
    .from(users)
    .innerJoin(clientWorkspaces, eq(clientWorkspaces.ownerId, users.id))
    .where(eq(users.email, email));
  if (!row) throw new Error(`no client with the email ${email}`);
  return {
    userId: row.userId,
    email,
    name: row.name ?? '',
    workspaceId: row.workspace.id,
    workspaceName: row.workspace.name,
  };
}

const SECOND_MILESTONE = { description: 'Final files', amountDollars: '1250', dueDate: 28 };

function offerInput(kind: 'hourly' | 'fixed', title: string, milestoneCount = 1) {
  const startDate = daysFromNow(1);
  return kind === 'hourly'
    ? { kind, title, description: '', startDate, hourlyRateDollars: '50', weeklyLimit: '20' }
    : {
        kind,
        title,
        description: '',
        startDate,
        milestones: [
          { description: 'First delivery', amountDollars: '500', dueDate: daysFromNow(14) },
          ...(milestoneCount > 1
            ? [{ ...SECOND_MILESTONE, dueDate: daysFromNow(SECOND_MILESTONE.dueDate) }]
            : []),
        ],
      };
}

export async function makeInvite(
  db: Db,
  input: InviteRequest,
  milestoneCount = 1,
): Promise<MadeInvite> {
  const inviter = await findInviter(db, input.clientEmail);
  const data = inviteSchema.parse({
    email: input.email ?? uniqueEmail('freelancer'),
    firstName: input.firstName,
    lastName: input.lastName,
    message: '',
    offer: offerInput(input.offer, input.title, milestoneCount),
  });
  const created = await createInvite(db, { inviter, input: data });
  if (!created.ok) throw new Error(created.message);
  const [row] = await db
    .select({ outboxId: invites.lastOutboxId, contractId: contracts.id })
    .from(invites)
    .innerJoin(contracts, eq(contracts.inviteId, invites.id))
    .where(eq(invites.id, created.inviteId));
  const token = await readInviteToken(db, row.outboxId!);
  if (input.expired) {
    await db
      .update(invites)
      .set({ expiresAt: new Date(Date.now() - 60_000) })
      .where(eq(invites.id, created.inviteId));
  }
  return {
    inviteId: created.inviteId,
    contractId: row.contractId,
    email: data.email,
    link: inviteUrl(token),
  };
}

const reached = (step: FreelancerStep, wanted: FreelancerStep) =>
  FREELANCER_STEPS.indexOf(step) >= FREELANCER_STEPS.indexOf(wanted);

/** Follows the invite link as the invitee; `signedInUserId` when they already have an account. */
async function join(db: Db, link: string, signedInUserId?: string): Promise<string> {
  const token = new URL(link).pathname.split('/').at(-1)!;
  const joined = await joinFromInvite(db, token, { signedInUserId });
  if (!joined.ok) throw new Error(`the invite link was refused: ${joined.reason}`);
  return joined.user.id;
}

async function accept(db: Db, invite: MadeInvite, freelancerId: string): Promise<void> {
  const terms = await loadTerms(db, invite.inviteId);
  const accepted = await acceptContract(db, {
    contractId: invite.contractId,
    freelancerId,
    shownHash: hashTerms(terms!),
  });
  if (!accepted.ok) throw new Error(accepted.message);
}

export async function makeFreelancer(db: Db, input: FreelancerRequest): Promise<MadeFreelancer> {
  const client = input.clientEmail
    ? await findInviter(db, input.clientEmail)
    : await makeClient(db, {
        kind: 'client',
        name: 'Dana Lee',
        workspaceName: 'Acme Studio',
        workspaceType: 'company',
      });
  const invite = await makeInvite(db, { ...input, kind: 'invite', clientEmail: client.email });
  const made = { ...invite, step: input.step, userId: null, client };
  if (!reached(input.step, 'joined')) return made;
  const userId = await join(db, invite.link);
  if (reached(input.step, 'basic-info')) {
    const info = basicInfoSchema.parse({
      firstName: input.firstName,
      lastName: input.lastName,
      country: input.country,
      timeZone: input.timeZone,
      acceptTerms: 'on',
    });
    await saveBasicInfo(db, { userId, ip: null }, info);
  }
  if (reached(input.step, 'contract')) await accept(db, invite, userId);
  return { ...made, userId };
}

/** Another offer to a freelancer who has an account: joined, and accepted unless told not to. */
export async function makeContract(db: Db, input: ContractRequest): Promise<MadeInvite> {
  const [freelancer] = await db
    .select({ id: users.id })
    .from(users)
    .where(eq(users.email, input.freelancerEmail));
  if (!freelancer) throw new Error(`no account with the email ${input.freelancerEmail}`);
  const invite = await makeInvite(db, {
    kind: 'invite',
    clientEmail: input.clientEmail,
    email: input.freelancerEmail,
    firstName: 'Alex',
    lastName: 'Kim',
    title: input.title,
    offer: input.offer,
    expired: false,
  });
  await join(db, invite.link, freelancer.id);
  if (input.accept) await accept(db, invite, freelancer.id);
  return invite;
}

/** The dev seed's demo weeks of money on a contract; posting them again adds nothing. */
export async function makePayments(
  db: Db,
  input: PaymentsRequest,
): Promise<{ contractId: string }> {
  const contract = await findPayableContract(db, input.contractId);
  if (!contract) throw new Error(`no hourly contract with a freelancer: ${input.contractId}`);
  await postDemoMovements(db, contract);
  return { contractId: contract.id };
}

export type MadeHourlyWeek = {
  contractId: string;
  clientEmail: string;
  freelancerEmail: string;
  freelancerId: string;
  weekStart: string;
  entryIds: string[];
};

const CARDS = { approved: '4242 4242 4242 4242', declines: '4000 0000 0000 0341' } as const;

/**
 * An active hourly contract with a week of finished, tracked time on it. The offer goes
 * through the services; its start date, status and weekly limit are then set and the entries
 * written directly, since the diary refuses time in a week already past its edit deadline,
 * which is the week a journey about invoicing wants.
 */
export async function makeHourlyWeek(db: Db, input: HourlyWeekRequest): Promise<MadeHourlyWeek> {
  const weekStart = input.weekStart ?? weekStartDate(new Date(now().getTime() - 7 * 86_400_000));
  const monday = weekStartFromDate(weekStart);
  const freelancer = await makeFreelancer(db, {
    kind: 'freelancer',
    step: 'contract',
    clientEmail: input.clientEmail,
    firstName: 'Alex',
    lastName: 'Kim',
    title: input.title,
    offer: 'hourly',
    expired: false,
    country: 'PT',
    timeZone: 'Europe/Lisbon',
  });
  const freelancerId = freelancer.userId!;
  await db
    .update(contracts)
    .set({
      status: 'active',
      startDate: weekStart,
      weeklyLimitHours: input.weeklyLimitHours,
      allowManualTime: input.allowManualTime,
    })
    .where(eq(contracts.id, freelancer.contractId));
  if (input.card !== 'none') {
    const added = await addBillingMethod(
      db,
      selectPaymentProvider(db),
      await findInviter(db, freelancer.client.email),
      { kind: 'simulated-card', number: CARDS[input.card], expMonth: 12, expYear: 2040 },
      null,
    );
    if (!added.ok) throw new Error(added.message);
  }
  const entries =
    input.days === 0
      ? []
      : await db
          .insert(timeEntries)
          .values(
            Array.from({ length: input.days }, (_, day) => {
              const startedAt = new Date(monday.getTime() + day * 86_400_000 + 9 * 3_600_000);
              return {
                contractId: freelancer.contractId,
                freelancerId,
                kind: 'tracked' as const,
                startedAt,
                endedAt: new Date(startedAt.getTime() + input.hoursPerDay * 3_600_000),
                memo: 'Page layouts and review notes',
              };
            }),
          )
          .returning({ id: timeEntries.id });
  return {
    contractId: freelancer.contractId,
    clientEmail: freelancer.client.email,
    freelancerEmail: freelancer.email,
    freelancerId,
    weekStart,
    entryIds: entries.map((entry) => entry.id),
  };
}

export type MadeFixedContract = {
  client: MadeClient;
  freelancer: { userId: string; email: string };
  contractId: string;
  /** In order: milestone 1 ($500), milestone 2 ($1,250). */
  milestoneIds: string[];
};

/** An accepted two-milestone fixed-price contract whose client has a simulated card. */
export async function makeFixedContract(
  db: Db,
  input: FixedContractRequest,
): Promise<MadeFixedContract> {
  const client = input.clientEmail
    ? await findInviter(db, input.clientEmail)
    : await makeClient(db, {
        kind: 'client',
        name: 'Dana Lee',
        workspaceName: 'Acme Studio',
        workspaceType: 'company',
      });
  const inviter = await findInviter(db, client.email);
  const card = await addBillingMethod(
    db,
    selectPaymentProvider(db),
    inviter,
    { kind: 'simulated-card', number: input.card, expMonth: 12, expYear: 2040 },
    null,
  );
  if (!card.ok) throw new Error(`the card was refused: ${card.message}`);
  const invite = await makeInvite(
    db,
    {
      kind: 'invite',
      clientEmail: client.email,
      email: uniqueEmail('freelancer'),
      firstName: 'Alex',
      lastName: 'Kim',
      title: input.title,
      offer: 'fixed',
      expired: false,
    },
    2,
  );
  const userId = await join(db, invite.link);
  const info = basicInfoSchema.parse({
    firstName: 'Alex',
    lastName: 'Kim',
    country: 'PT',
    timeZone: input.timeZone,
    acceptTerms: 'on',
  });
  await saveBasicInfo(db, { userId, ip: null }, info);
  await accept(db, invite, userId);
  const rows = await db
    .select({ id: milestones.id })
    .from(milestones)
    .where(eq(milestones.contractId, invite.contractId))
    .orderBy(asc(milestones.position));
  return {
    client: { ...client, email: client.email },
    freelancer: { userId, email: invite.email },
    contractId: invite.contractId,
    milestoneIds: rows.map((r) => r.id),
  };
}
