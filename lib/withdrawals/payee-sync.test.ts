import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { executorFor } from '@/db/client';
import { payoutDestinations } from '@/db/schema';
import { parseEnv } from '@/lib/env';
import { PAYEE_SYNC_QUEUE } from '@/lib/payments/payee-sync-queue';
import type { PayoutRouting } from '@/lib/payments/payouts';
import { selectPayoutProvider } from '@/lib/payments/select';
import { profileSchema } from '@/lib/profile/schemas';
import { saveProfile, setProfileVisibility } from '@/lib/profile/service';
import { taxInfoSchema } from '@/lib/tax/schemas';
import { saveTaxInfo } from '@/lib/tax/service';
import { createTestDatabase } from '@/tests/helpers/db';
import { installTestEncryptionKey } from '@/tests/helpers/settings-fixtures';
import {
  startStripeStandIn,
  stripeEnvFor,
  type StripeStandIn,
} from '@/tests/helpers/stripe-stand-in';
import { makeWithdrawer, W9, W9_EIN, type Withdrawer } from '@/tests/helpers/withdrawal-fixtures';
import { syncPayeeDetails } from './payee-sync';
import { requestWithdrawal } from './service';

/*
 * An existing connected account gets what it asks for later (lib/withdrawals/payee-sync.ts):
 * only the fields Stripe lists as due that we hold, through accounts.update, with the
 * official SDK against the local stand-in (tests/helpers/stripe-connect-stand-in.ts).
 */
installTestEncryptionKey();

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let standIn: StripeStandIn;
beforeAll(async () => {
  database = await createTestDatabase();
  standIn = await startStripeStandIn();
});
afterAll(async () => {
  await standIn.close();
  await database.dispose();
});

const routing = (): PayoutRouting =>
  selectPayoutProvider(database.db, parseEnv(stripeEnvFor(standIn)));

const SSN = W9.tin.replace(/-/g, '');
const DOB = ['individual.dob.day', 'individual.dob.month', 'individual.dob.year'];

/**
 * A freelancer whose first US bank withdrawal opened their connected account (W-9 without a
 * date of birth; `w9` changes it before the account is opened).
 */
async function withAccount(
  w9: Record<string, string> = {},
): Promise<{ w: Withdrawer; account: string }> {
  const w = await makeWithdrawer(database.db, new Date(), { availableCents: 10_000 });
  if (Object.keys(w9).length > 0) await saveW9(w, w9);
  const result = await requestWithdrawal(database.db, routing(), w.actor, {
    payoutMethodId: w.methods.usBank,
    amountCents: 500,
    idempotencyKey: randomUUID(),
  });
  if (!result.ok) throw new Error(result.message);
  const [row] = await database.db
    .select({ account: payoutDestinations.payeeRef })
    .from(payoutDestinations)
    .where(eq(payoutDestinations.freelancerId, w.actor.userId));
  return { w, account: row.account };
}

const saveW9 = (w: Withdrawer, extra: Record<string, string> = {}) =>
  saveTaxInfo(
    database.db,
    { userId: w.actor.userId, ip: null },
    taxInfoSchema.parse({ ...W9, ...extra }),
  );

async function syncJobsOf(userId: string) {
  const { rows } = await executorFor(database.db).executeSql(
    `select data from pgboss.job where name = $1 and data->>'userId' = $2`,
    [PAYEE_SYNC_QUEUE, userId],
  );
  return rows;
}

/** The sync jobs opening the account (its webhook) queued: a test then sees only its own. */
async function clearSyncJobs(userId: string) {
  await executorFor(database.db).executeSql(
    `delete from pgboss.job where name = $1 and data->>'userId' = $2`,
    [PAYEE_SYNC_QUEUE, userId],
  );
}

const PROFILE = profileSchema.parse({
  title: 'Booking systems for clinics',
  overview:
    'I design and build booking systems for small clinics, from the first sketch to launch and support, and I keep them running.',
  hourlyRateCents: '45.50',
  skills: 'React, Node.js',
  portfolioLinks: '',
  languages: [{ language: 'English', level: 'fluent' }],
  employment: [],
  education: [],
});

const updatesOf = (account: string) =>
  standIn.connect.accountUpdates.filter((u) => u.account === account);
const requestsTo = (account: string) =>
  standIn.requests.filter((r) => r.path === `/v1/accounts/${account}`);

/** A sync of the account that finds nothing to send: it reads the account, and that is all. */
async function expectOnlyARead(userId: string, account: string) {
  const before = requestsTo(account).length;
  expect(await syncPayeeDetails(database.db, routing(), userId)).toEqual([
    { payeeRef: account, outcome: 'nothing-due' },
  ]);
  expect(
    requestsTo(account)
      .slice(before)
      .map((r) => r.method),
  ).toEqual(['GET']);
}

it('a date of birth added after the account was opened reaches Stripe, with only the due fields', async () => {
  const { w, account } = await withAccount();
  // Stripe asks for the date of birth now and an ID document later; the rest it has.
  standIn.connect.setRequirements(account, {
    currentlyDue: DOB,
    eventuallyDue: [...DOB, 'individual.verification.document'],
  });
  await clearSyncJobs(w.actor.userId);
  await saveW9(w, { dateOfBirth: '1990-07-04' });
  // Saving the W-9 enqueued the sync in its transaction.
  expect(await syncJobsOf(w.actor.userId)).toEqual([{ data: { userId: w.actor.userId } }]);

  expect(await syncPayeeDetails(database.db, routing(), w.actor.userId)).toEqual([
    { payeeRef: account, outcome: 'sent', sent: ['individual.dob'] },
  ]);
  // Exactly the date of birth: not the name, the address or the SSN, which Stripe has.
  expect(updatesOf(account).map((u) => u.body)).toEqual([
    {
      'individual[dob][day]': '4',
      'individual[dob][month]': '7',
      'individual[dob][year]': '1990',
    },
  ]);
  const [update] = updatesOf(account);
  expect(update.idempotencyKey).toMatch(new RegExp(`^account-update:${account}:[0-9a-f]{32}$`));
  expect(update.idempotencyKey).not.toMatch(/1990/);

  // Taken: nothing is due any more, so a second run reads the account and sends nothing.
  await expectOnlyARead(w.actor.userId, account);
});

it('a freelancer with no connected account gets no sync job from a save', async () => {
  const w = await makeWithdrawer(database.db, new Date(), { availableCents: 10_000 });
  await saveW9(w, { dateOfBirth: '1990-07-04' });
  expect(await saveProfile(database.db, w.actor.userId, PROFILE)).toEqual({ ok: true });
  expect(await syncJobsOf(w.actor.userId)).toEqual([]);
});

it('a new profile title reaches Stripe when it asks what the freelancer does', async () => {
  const { w, account } = await withAccount();
  standIn.connect.setRequirements(account, {
    currentlyDue: ['business_profile.product_description'],
  });
  await clearSyncJobs(w.actor.userId);
  expect(await saveProfile(database.db, w.actor.userId, PROFILE)).toEqual({ ok: true });
  // Saving the profile enqueued the sync in its transaction…
  expect(await syncJobsOf(w.actor.userId)).toEqual([{ data: { userId: w.actor.userId } }]);
  expect(await syncPayeeDetails(database.db, routing(), w.actor.userId)).toEqual([
    { payeeRef: account, outcome: 'sent', sent: ['business_profile.product_description'] },
  ]);
  expect(updatesOf(account).map((u) => u.body)).toEqual([
    {
      'business_profile[product_description]':
        'Freelance work for clients through Workbridge: Booking systems for clinics',
    },
  ]);
  // …and so does making it public or private (its address is the business profile's URL).
  await clearSyncJobs(w.actor.userId);
  await setProfileVisibility(database.db, w.actor.userId, { visibility: 'public' });
  expect(await syncJobsOf(w.actor.userId)).toEqual([{ data: { userId: w.actor.userId } }]);
});

it('the same details sent again (a retried job) carry the same key: one update at Stripe', async () => {
  const { w, account } = await withAccount();
  await saveW9(w, { dateOfBirth: '1985-01-31' });
  standIn.connect.setRequirements(account, { currentlyDue: DOB });
  await syncPayeeDetails(database.db, routing(), w.actor.userId);
  // As if Stripe's answer had been lost: still listed, sent again.
  standIn.connect.setRequirements(account, { currentlyDue: DOB });
  await syncPayeeDetails(database.db, routing(), w.actor.userId);
  const posts = requestsTo(account).filter((r) => r.method === 'POST');
  expect(posts).toHaveLength(2);
  expect(posts[1].idempotencyKey).toBe(posts[0].idempotencyKey);
  // The stand-in, like Stripe, answered the second from the first: one update made.
  expect(updatesOf(account)).toHaveLength(1);
  // A changed date of birth is a new update.
  await saveW9(w, { dateOfBirth: '1985-02-01' });
  await syncPayeeDetails(database.db, routing(), w.actor.userId);
  expect(updatesOf(account)).toHaveLength(2);
  expect(updatesOf(account)[1].idempotencyKey).not.toBe(posts[0].idempotencyKey);
});

it('sends the W-9 address, the full SSN or its last four, each only when listed', async () => {
  const { w, account } = await withAccount();
  standIn.connect.setRequirements(account, {
    currentlyDue: ['individual.address.line1', 'individual.address.postal_code'],
    eventuallyDue: ['individual.ssn_last_4'],
  });
  await syncPayeeDetails(database.db, routing(), w.actor.userId);
  expect(updatesOf(account).map((u) => u.body)).toEqual([
    {
      'individual[address][line1]': '1 Main Street',
      'individual[address][city]': 'Springfield',
      'individual[address][state]': 'IL',
      'individual[address][postal_code]': '62701',
      'individual[address][country]': 'US',
      'individual[ssn_last_4]': SSN.slice(-4),
    },
  ]);
  standIn.connect.setRequirements(account, {
    currentlyDue: ['individual.id_number', 'individual.ssn_last_4'],
  });
  await syncPayeeDetails(database.db, routing(), w.actor.userId);
  expect(updatesOf(account)[1].body).toEqual({ 'individual[id_number]': SSN });
});

it('sends nothing when nothing Stripe lists as due is held here', async () => {
  const { w, account } = await withAccount();
  // An EIN on the W-9 is no SSN; an ID document and the date of birth we never got.
  await saveW9(w, W9_EIN);
  standIn.connect.setRequirements(account, {
    currentlyDue: ['individual.id_number', 'individual.verification.document', ...DOB],
  });
  await expectOnlyARead(w.actor.userId, account);
  expect(updatesOf(account)).toEqual([]);
  // Nor when Stripe lists nothing at all, however much we hold.
  await saveW9(w, { dateOfBirth: '1990-07-04' });
  standIn.connect.setRequirements(account, {});
  expect(await syncPayeeDetails(database.db, routing(), w.actor.userId)).toEqual([
    { payeeRef: account, outcome: 'nothing-due' },
  ]);
  expect(updatesOf(account)).toEqual([]);
});

it('an EIN filer’s own SSN, given on the W-9 after the account was opened, reaches Stripe as id_number', async () => {
  const { w, account } = await withAccount(W9_EIN);
  // Opened without an SSN (an EIN is none), so Stripe asks for it.
  const [created] = standIn.connect.accountCreateBodies.filter(
    (body) => body['individual[email]'] === w.actor.email,
  );
  expect(Object.keys(created).filter((name) => name.includes('id_number'))).toEqual([]);
  standIn.connect.setRequirements(account, { currentlyDue: ['individual.id_number'] });
  await expectOnlyARead(w.actor.userId, account);

  await clearSyncJobs(w.actor.userId);
  await saveW9(w, { ...W9_EIN, payoutSsn: '401-52-8836' });
  expect(await syncJobsOf(w.actor.userId)).toEqual([{ data: { userId: w.actor.userId } }]);
  const outcomes = await syncPayeeDetails(database.db, routing(), w.actor.userId);
  expect(outcomes).toEqual([
    { payeeRef: account, outcome: 'sent', sent: ['individual.id_number'] },
  ]);
  // Exactly the SSN given beside the EIN: never the EIN, nothing else.
  expect(updatesOf(account).map((u) => u.body)).toEqual([{ 'individual[id_number]': '401528836' }]);
  const [update] = updatesOf(account);
  expect(update.idempotencyKey).toMatch(new RegExp(`^account-update:${account}:[0-9a-f]{32}$`));
  expect(update.idempotencyKey).not.toMatch(/401528836|8836/);

  // Only its last four listed: the last four of that SSN.
  standIn.connect.setRequirements(account, { eventuallyDue: ['individual.ssn_last_4'] });
  await syncPayeeDetails(database.db, routing(), w.actor.userId);
  expect(updatesOf(account)[1].body).toEqual({ 'individual[ssn_last_4]': '8836' });
});

it('a refused update names only the field, never the date of birth it was sent', async () => {
  const { w, account } = await withAccount();
  await saveW9(w, { dateOfBirth: '1987-11-23' });
  standIn.connect.setRequirements(account, { currentlyDue: DOB });
  standIn.connect.echoNextUpdate();
  const outcomes = await syncPayeeDetails(database.db, routing(), w.actor.userId);
  // The stand-in got the date (so it could have quoted it)…
  expect(updatesOf(account).at(-1)?.body).toMatchObject({ 'individual[dob][year]': '1987' });
  // …and the outcome says which field, and nothing it was sent.
  expect(outcomes).toEqual([
    {
      payeeRef: account,
      outcome: 'refused',
      reason:
        "Stripe did not update the connected account's individual.dob (StripeInvalidRequestError parameter_invalid on individual[dob][year])",
    },
  ]);
  // (The account id is random and may hold any digits: only the reason is checked.)
  const [refusal] = outcomes;
  expect(refusal.outcome === 'refused' && refusal.reason).not.toMatch(/1987|11-23/);
});

it('a freelancer without a connected account: nothing to sync, no request', async () => {
  const w = await makeWithdrawer(database.db, new Date(), { availableCents: 10_000 });
  const before = standIn.requests.length;
  expect(await syncPayeeDetails(database.db, routing(), w.actor.userId)).toEqual([]);
  expect(standIn.requests.length).toBe(before);
});

it('a connected account deleted at Stripe is marked closed, like a refused transfer', async () => {
  const { w, account } = await withAccount();
  standIn.connect.deleteAccount(account);
  expect(await syncPayeeDetails(database.db, routing(), w.actor.userId)).toEqual([
    { payeeRef: account, outcome: 'gone' },
  ]);
  const [row] = await database.db
    .select({ closedAt: payoutDestinations.payeeClosedAt })
    .from(payoutDestinations)
    .where(eq(payoutDestinations.payeeRef, account));
  expect(row.closedAt).not.toBeNull();
});
