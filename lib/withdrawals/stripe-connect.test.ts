import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import {
  freelancerProfiles,
  ledgerEntries,
  ledgerTransactions,
  payoutDestinations,
  payoutMethods,
  profiles,
} from '@/db/schema';
import { useFakeClock, type FakeClock } from '@/lib/clock';
import { parseEnv } from '@/lib/env';
import { accounts } from '@/lib/ledger/accounts';
import { basicInfoSchema } from '@/lib/onboarding/schemas';
import { saveBasicInfo } from '@/lib/onboarding/service';
import type { PayoutRouting } from '@/lib/payments/payouts';
import { selectPayoutProvider } from '@/lib/payments/select';
import { createStripePayoutProvider } from '@/lib/payments/stripe-payouts';
import { findActivePayoutMethod } from '@/lib/payouts/queries';
import { taxInfoSchema } from '@/lib/tax/schemas';
import { saveTaxInfo } from '@/lib/tax/service';
import { createTestDatabase } from '@/tests/helpers/db';
import { withEnv } from '@/tests/helpers/env';
import {
  addPayoutMethodNow,
  installTestEncryptionKey,
  US_BANK,
} from '@/tests/helpers/settings-fixtures';
import {
  startStripeStandIn,
  stripeEnvFor,
  type StripeStandIn,
} from '@/tests/helpers/stripe-stand-in';
import {
  balancesOfFreelancer,
  makeWithdrawer,
  returnedEmails,
  simulatedPayoutsOf,
  W9,
  W9_EIN,
  withdrawalRows,
  type Withdrawer,
} from '@/tests/helpers/withdrawal-fixtures';
import { destinationOf } from './destinations';
import { payeeOf } from './payee';
import { recordWithdrawal, requestWithdrawal } from './service';
import { reconcileStaleWithdrawals, settleDueWithdrawals } from './settle';

/*
 * Withdrawals to US bank accounts through Stripe Connect, with the official SDK against the
 * local stand-in (tests/helpers/stripe-connect-stand-in.ts). The simulated provider's
 * versions of these faults are in settle.test.ts; the webhooks are in
 * tests/routes/stripe-connect-webhook.test.ts.
 */
installTestEncryptionKey();

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let standIn: StripeStandIn;
let clock: FakeClock;
const START = new Date('2026-12-02T10:00:00Z');
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

beforeAll(async () => {
  database = await createTestDatabase();
  standIn = await startStripeStandIn();
});
beforeEach(() => {
  clock = useFakeClock(START);
});
afterEach(() => clock.restore());
afterAll(async () => {
  await standIn.close();
  await database.dispose();
});

/** What the app selects with Stripe configured; `timeoutMs` makes a hang short. */
function routing(timeoutMs?: number): PayoutRouting {
  const configured = selectPayoutProvider(database.db, parseEnv(stripeEnvFor(standIn)));
  if (!timeoutMs) return configured;
  const hasty = createStripePayoutProvider({
    secretKey: 'sk_test_standin',
    webhookSecret: '',
    apiUrl: standIn.url,
    timeoutMs,
  });
  return {
    ...configured,
    forKind: (kind) => (kind === 'us_bank' ? hasty : configured.forKind(kind)),
  };
}

const form = (payoutMethodId: string, amountCents: number) => ({
  payoutMethodId,
  amountCents,
  idempotencyKey: randomUUID(),
});

async function postingsOf(withdrawalId: string, kind: string) {
  return database.db
    .select()
    .from(ledgerTransactions)
    .where(and(eq(ledgerTransactions.sourceId, withdrawalId), eq(ledgerTransactions.kind, kind)));
}

async function paidOutFor(withdrawalId: string) {
  const rows = await database.db
    .select({ cents: ledgerEntries.amountCents })
    .from(ledgerEntries)
    .innerJoin(ledgerTransactions, eq(ledgerTransactions.id, ledgerEntries.transactionId))
    .where(
      and(
        eq(ledgerTransactions.sourceId, withdrawalId),
        eq(ledgerEntries.accountCode, accounts.payouts()),
      ),
    );
  return rows.reduce((sum, row) => sum + row.cents, 0);
}

async function runJobsFor(providers: PayoutRouting, ms: number, every = MINUTE) {
  const end = clock.now().getTime() + ms;
  while (clock.now().getTime() < end) {
    clock.advance(every);
    await settleDueWithdrawals(database.db, providers, clock.now());
    await reconcileStaleWithdrawals(database.db, providers, clock.now());
  }
}

/** A withdrawal the service took (whatever Stripe then did with it); fails the test if refused. */
async function withdrawn(w: Withdrawer, payoutMethodId: string, amountCents: number) {
  const result = await requestWithdrawal(
    database.db,
    routing(),
    w.actor,
    form(payoutMethodId, amountCents),
  );
  if (!result.ok) throw new Error(result.message);
  return result;
}

const payoutsWithKey = (withdrawalId: string) =>
  [...standIn.connect.payouts.values()].filter(
    (p) => p.metadata.payout_key === `withdrawal:${withdrawalId}`,
  );

const payoutIdOf = (ref: string) => ref.split('/')[1];

it('pays a US bank account through Connect: an account with the bank, a transfer, a payout', async () => {
  const w = await makeWithdrawer(database.db, START, { availableCents: 10_000 });
  const sent = standIn.requests.length;
  const result = await withdrawn(w, w.methods.usBank, 4_000);
  const { withdrawal } = result;
  expect(withdrawal).toMatchObject({
    status: 'processing',
    provider: 'stripe',
    providerRef: expect.stringMatching(/^acct_\w+\/po_\w+$/),
  });
  const key = `withdrawal:${withdrawal.id}`;
  expect(
    standIn.requests.slice(sent).map((r) => [r.path.replace(/acct_\w+/, 'acct'), r.idempotencyKey]),
  ).toEqual([
    ['/v1/accounts', `${key}:account`],
    ['/v1/accounts/acct/external_accounts', `${key}:bank-account`],
    ['/v1/transfers', `${key}:transfer`],
    ['/v1/payouts', `${key}:payout`],
  ]);
  expect(standIn.connect.bankAccountsReceived.at(-1)).toEqual({
    routingNumber: US_BANK.routingNumber,
    accountNumberLast4: US_BANK.accountNumber.slice(-4),
  });
  const [destination] = await database.db
    .select()
    .from(payoutDestinations)
    .where(eq(payoutDestinations.payoutMethodId, w.methods.usBank));
  expect(destination).toMatchObject({
    provider: 'stripe',
    payeeRef: expect.stringMatching(/^acct_/),
  });
  expect(JSON.stringify(destination)).not.toContain(US_BANK.accountNumber);

  // Pending and in transit are processing; paid moves the money out, once.
  await runJobsFor(routing(), 2 * MINUTE);
  expect((await withdrawalRows(database.db, w.actor.userId))[0].status).toBe('processing');
  standIn.connect.movePayout(payoutIdOf(withdrawal.providerRef!), 'in_transit');
  await runJobsFor(routing(), 2 * MINUTE);
  expect((await withdrawalRows(database.db, w.actor.userId))[0].status).toBe('processing');
  standIn.connect.movePayout(payoutIdOf(withdrawal.providerRef!), 'paid');
  await runJobsFor(routing(), 3 * MINUTE);
  expect((await withdrawalRows(database.db, w.actor.userId))[0].status).toBe('paid');
  expect(await paidOutFor(withdrawal.id)).toBe(4_000);
  expect(await postingsOf(withdrawal.id, 'payout')).toHaveLength(1);
  expect(await balancesOfFreelancer(database.db, w.actor.userId)).toEqual({
    available: 6_000,
    withdrawing: 0,
  });

  // The next withdrawal reuses the account; a PayPal one stays on the simulated provider.
  const accountsBefore = standIn.connect.accounts.size;
  const again = await requestWithdrawal(
    database.db,
    routing(),
    w.actor,
    form(w.methods.usBank, 1_000),
  );
  const paypal = await requestWithdrawal(
    database.db,
    routing(),
    w.actor,
    form(w.methods.paypal, 1_000),
  );
  if (!again.ok || !paypal.ok) throw new Error('refused');
  expect(standIn.connect.accounts.size).toBe(accountsBefore);
  expect(again.withdrawal.providerRef!.split('/')[0]).toBe(withdrawal.providerRef!.split('/')[0]);
  expect(paypal.withdrawal).toMatchObject({ provider: 'simulated', status: 'processing' });
  expect(await simulatedPayoutsOf(database.db, paypal.withdrawal.id)).toHaveLength(1);
});

it("a payout that fails 3 days later: the money back to available, one email with the bank's reason", async () => {
  const w = await makeWithdrawer(database.db, START, { availableCents: 10_000 });
  const result = await withdrawn(w, w.methods.usBank, 7_500);
  const payoutId = payoutIdOf(result.withdrawal.providerRef!);
  await runJobsFor(routing(), DAY, HOUR);
  standIn.connect.movePayout(payoutId, 'in_transit');
  await runJobsFor(routing(), 2 * DAY - HOUR, HOUR);
  expect((await withdrawalRows(database.db, w.actor.userId))[0].status).toBe('processing');
  standIn.connect.movePayout(payoutId, 'failed', 'The bank account has been closed.');
  await runJobsFor(routing(), 2 * HOUR, HOUR);
  const [row] = await withdrawalRows(database.db, w.actor.userId);
  expect(row).toMatchObject({
    status: 'returned',
    failureReason: 'The bank account has been closed.',
  });
  expect(row.returnedAt!.getTime() - START.getTime()).toBeGreaterThanOrEqual(3 * DAY);
  expect(await balancesOfFreelancer(database.db, w.actor.userId)).toEqual({
    available: 10_000,
    withdrawing: 0,
  });
  await runJobsFor(routing(), 2 * HOUR, HOUR);
  const emails = await returnedEmails(database.db, w.actor.email);
  expect(emails).toHaveLength(1);
  expect(emails[0].text).toContain('The bank account has been closed.');
  expect(await postingsOf(result.withdrawal.id, 'payout_return')).toHaveLength(1);
  expect(await paidOutFor(result.withdrawal.id)).toBe(0);
});

it('a timeout after Stripe accepted the payout: the resend reaches the same payout, reconciled, paid once', async () => {
  const w = await makeWithdrawer(database.db, START, { availableCents: 10_000 });
  // The SDK's own retry (same key) hangs too: the caller gets an error.
  standIn.hangAfterPayingOut(2);
  const result = await requestWithdrawal(
    database.db,
    routing(300),
    w.actor,
    form(w.methods.usBank, 3_000),
  );
  expect(result).toMatchObject({ ok: true, withdrawal: { status: 'requested', attempts: 1 } });
  const id = result.ok ? result.withdrawal.id : '';
  expect(payoutsWithKey(id)).toHaveLength(1);

  await runJobsFor(routing(), 2 * MINUTE);
  const [resent] = await withdrawalRows(database.db, w.actor.userId);
  expect(resent.status).toBe('processing');
  expect(payoutIdOf(resent.providerRef!)).toBe(payoutsWithKey(id)[0].id);
  // The bank answers on day 3: the hourly reconciliation (after 24 hours) settles it.
  await runJobsFor(routing(), 3 * DAY, HOUR);
  expect((await withdrawalRows(database.db, w.actor.userId))[0].status).toBe('processing');
  standIn.connect.movePayout(payoutsWithKey(id)[0].id, 'paid');
  await runJobsFor(routing(), 2 * HOUR, HOUR);
  expect((await withdrawalRows(database.db, w.actor.userId))[0].status).toBe('paid');
  expect(payoutsWithKey(id)).toHaveLength(1);
  const transfers = [...standIn.connect.transfers.values()].filter(
    (t) => t.transfer_group === `withdrawal:${id}`,
  );
  expect(transfers).toHaveLength(1);
  expect(await postingsOf(id, 'payout')).toHaveLength(1);
  expect(await paidOutFor(id)).toBe(3_000);
});

it('the worker killed between the ledger posting and the Stripe calls: sent on the next run, once', async () => {
  const w = await makeWithdrawer(database.db, START, { availableCents: 10_000 });
  const method = await findActivePayoutMethod(database.db, w.actor.userId, w.methods.usBank);
  // recordWithdrawal is requestWithdrawal up to its commit: the process dies right after.
  const recorded = await recordWithdrawal(
    database.db,
    w.actor.userId,
    method!,
    form(method!.id, 6_000),
    START,
  );
  if (!recorded.ok) throw new Error(recorded.message);
  const id = recorded.withdrawal.id;
  expect(recorded.withdrawal.status).toBe('requested');
  expect(payoutsWithKey(id)).toHaveLength(0);
  await runJobsFor(routing(), 3 * MINUTE);
  const [row] = await withdrawalRows(database.db, w.actor.userId);
  expect(row.status).toBe('processing');
  expect(payoutsWithKey(id)).toHaveLength(1);
  standIn.connect.movePayout(payoutsWithKey(id)[0].id, 'paid');
  await runJobsFor(routing(), 3 * MINUTE);
  expect((await withdrawalRows(database.db, w.actor.userId))[0].status).toBe('paid');
  expect(payoutsWithKey(id)).toHaveLength(1);
  expect(await balancesOfFreelancer(database.db, w.actor.userId)).toEqual({
    available: 4_000,
    withdrawing: 0,
  });
});

it('without Stripe every kind is simulated; a Stripe payout is left alone until Stripe is back', async () => {
  const simulatedOnly = selectPayoutProvider(database.db, parseEnv({}));
  expect(simulatedOnly.forKind('us_bank').name).toBe('simulated');
  expect(simulatedOnly.named('stripe')).toBeNull();
  const configured = routing();
  expect(configured.forKind('us_bank').name).toBe('stripe');
  for (const kind of ['iban', 'paypal', 'payoneer'] as const) {
    expect(configured.forKind(kind).name).toBe('simulated');
  }
  const w = await makeWithdrawer(database.db, START, { availableCents: 10_000 });
  const result = await withdrawn(w, w.methods.usBank, 2_000);
  standIn.connect.movePayout(payoutIdOf(result.withdrawal.providerRef!), 'paid');
  await runJobsFor(simulatedOnly, 3 * MINUTE);
  expect((await withdrawalRows(database.db, w.actor.userId))[0].status).toBe('processing');
  expect(await simulatedPayoutsOf(database.db, result.withdrawal.id)).toHaveLength(0);
  await runJobsFor(routing(), 2 * MINUTE);
  expect((await withdrawalRows(database.db, w.actor.userId))[0].status).toBe('paid');
});

describe("the connected account carries the person's identity", () => {
  const SSN = W9.tin.replace(/-/g, '');
  const IP = '203.0.113.7';

  /** Basic info as the onboarding form saves it, accepted from IP (or from nowhere known). */
  async function giveBasicInfo(w: Withdrawer, ip: string | null) {
    const info = basicInfoSchema.parse({
      firstName: 'Jordan',
      lastName: 'Rivera',
      country: 'us',
      timeZone: 'America/Chicago',
      phone: '(217) 555-0123',
      acceptTerms: 'on',
    });
    await saveBasicInfo(database.db, { userId: w.actor.userId, ip }, info);
    const [row] = await database.db
      .select({ acceptedAt: freelancerProfiles.termsAcceptedAt })
      .from(freelancerProfiles)
      .where(eq(freelancerProfiles.userId, w.actor.userId));
    return row.acceptedAt!;
  }

  async function giveProfile(w: Withdrawer, visibility: 'public' | 'private', title?: string) {
    const slug = `jordan-rivera-${randomUUID().slice(0, 8)}`;
    await database.db
      .insert(profiles)
      .values({ userId: w.actor.userId, slug, title: title ?? null, visibility });
    return slug;
  }

  it('sends the names, email, phone, the W-9 address and full SSN, the MCC, the profile and the terms acceptance', async () => {
    const w = await makeWithdrawer(database.db, START, { availableCents: 10_000 });
    const acceptedAt = await giveBasicInfo(w, IP);
    const slug = await giveProfile(w, 'public', 'Full-stack developer');
    const created = standIn.connect.accountCreateBodies.length;
    let result: Awaited<ReturnType<typeof requestWithdrawal>> | undefined;
    await withEnv({ APP_URL: 'https://workbridge.example' }, async () => {
      result = await requestWithdrawal(
        database.db,
        routing(),
        w.actor,
        form(w.methods.usBank, 500),
      );
    });
    if (!result?.ok) throw new Error('refused');
    expect(result.withdrawal.status).toBe('processing');
    expect(standIn.connect.accountCreateBodies.slice(created)).toEqual([
      {
        type: 'custom',
        country: 'US',
        business_type: 'individual',
        'capabilities[transfers][requested]': 'true',
        'settings[payouts][schedule][interval]': 'manual',
        'individual[first_name]': 'Jordan',
        'individual[last_name]': 'Rivera',
        'individual[email]': w.actor.email,
        'individual[phone]': '+12175550123',
        'individual[address][line1]': '1 Main Street',
        'individual[address][city]': 'Springfield',
        'individual[address][state]': 'IL',
        'individual[address][postal_code]': '62701',
        'individual[address][country]': 'US',
        'individual[id_number]': SSN,
        'business_profile[mcc]': '8999',
        'business_profile[product_description]':
          'Freelance work for clients through Workbridge: Full-stack developer',
        'business_profile[url]': `https://workbridge.example/freelancers/${slug}`,
        'tos_acceptance[date]': String(Math.floor(acceptedAt.getTime() / 1000)),
        'tos_acceptance[ip]': IP,
        'metadata[payout_key]': `withdrawal:${result.withdrawal.id}`,
      },
    ]);
  });

  it('leaves out what we do not hold: an EIN is no SSN, a private profile has no URL, an acceptance without its address', async () => {
    const w = await makeWithdrawer(database.db, START, { availableCents: 10_000 });
    await saveTaxInfo(
      database.db,
      { userId: w.actor.userId, ip: null },
      taxInfoSchema.parse({ ...W9, ...W9_EIN }),
    );
    await giveBasicInfo(w, 'unknown');
    await giveProfile(w, 'private', 'Designer');
    const created = standIn.connect.accountCreateBodies.length;
    const result = await withdrawn(w, w.methods.usBank, 500);
    expect(result.withdrawal.status).toBe('processing');
    const [body] = standIn.connect.accountCreateBodies.slice(created);
    expect(body).toMatchObject({
      'individual[first_name]': 'Jordan',
      'individual[address][state]': 'IL',
      'business_profile[mcc]': '8999',
      'business_profile[product_description]':
        'Freelance work for clients through Workbridge: Designer',
    });
    const sent = Object.keys(body);
    for (const left of [
      'id_number',
      'ssn_last_4',
      'dob',
      'business_profile[url]',
      'tos_acceptance',
    ]) {
      expect(sent.filter((name) => name.includes(left))).toEqual([]);
    }
  });

  it('opens the account of an EIN filer with the SSN they gave beside it, as individual.id_number', async () => {
    const w = await makeWithdrawer(database.db, START, { availableCents: 10_000 });
    await saveTaxInfo(
      database.db,
      { userId: w.actor.userId, ip: null },
      taxInfoSchema.parse({
        ...W9,
        ...W9_EIN,
        businessType: 'llc',
        payoutSsn: '401-52-8836',
      }),
    );
    const created = standIn.connect.accountCreateBodies.length;
    const result = await withdrawn(w, w.methods.usBank, 500);
    expect(result.withdrawal.status).toBe('processing');
    const [body] = standIn.connect.accountCreateBodies.slice(created);
    expect(body).toMatchObject({
      business_type: 'individual',
      'individual[id_number]': '401528836',
    });
    // The EIN identifies no individual: it is not sent, in any field.
    expect(Object.values(body).filter((value) => value.includes('271234567'))).toEqual([]);
  });

  it('sends the W-9 date of birth as individual.dob (day, month, year) when it was given', async () => {
    const w = await makeWithdrawer(database.db, START, { availableCents: 10_000 });
    await saveTaxInfo(
      database.db,
      { userId: w.actor.userId, ip: null },
      taxInfoSchema.parse({ ...W9, dateOfBirth: '1990-07-04' }),
    );
    await giveBasicInfo(w, IP);
    const created = standIn.connect.accountCreateBodies.length;
    const result = await withdrawn(w, w.methods.usBank, 500);
    expect(result.withdrawal.status).toBe('processing');
    const [body] = standIn.connect.accountCreateBodies.slice(created);
    expect(
      Object.fromEntries(Object.entries(body).filter(([name]) => name.includes('[dob]'))),
    ).toEqual({
      'individual[dob][day]': '4',
      'individual[dob][month]': '7',
      'individual[dob][year]': '1990',
    });
    expect(body['individual[id_number]']).toBe(SSN);
  });

  it("a second US bank account joins the freelancer's account: no new account, no details sent again", async () => {
    const w = await makeWithdrawer(database.db, START, { availableCents: 10_000 });
    await giveBasicInfo(w, IP);
    const first = await withdrawn(w, w.methods.usBank, 500);
    const second = await addPayoutMethodNow(database.db, w.actor, {
      ...US_BANK,
      accountNumber: '40001234567',
    });
    await database.db
      .update(payoutMethods)
      .set({ usableAfter: new Date(START.getTime() - MINUTE) })
      .where(eq(payoutMethods.id, second));
    const created = standIn.connect.accountCreateBodies.length;
    const sent = standIn.requests.length;
    const again = await requestWithdrawal(database.db, routing(), w.actor, form(second, 700));
    if (!again.ok) throw new Error(again.message);
    const account = first.withdrawal.providerRef!.split('/')[0];
    expect(again.withdrawal).toMatchObject({ status: 'processing' });
    expect(again.withdrawal.providerRef!.split('/')[0]).toBe(account);
    expect(standIn.connect.accountCreateBodies.length).toBe(created);
    expect(standIn.requests.slice(sent).map((r) => `${r.method} ${r.path}`)).toEqual([
      `POST /v1/accounts/${account}/external_accounts`,
      'POST /v1/transfers',
      'POST /v1/payouts',
    ]);
    expect(standIn.connect.bankAccountsReceived.at(-1)?.accountNumberLast4).toBe('4567');
  });

  it("a refused account: the error names the field, never the SSN, the date of birth or the bank account's number", async () => {
    const w = await makeWithdrawer(database.db, START, { availableCents: 10_000 });
    await saveTaxInfo(
      database.db,
      { userId: w.actor.userId, ip: null },
      taxInfoSchema.parse({ ...W9, dateOfBirth: '1987-11-23' }),
    );
    await giveBasicInfo(w, IP);
    const [method] = await database.db
      .select()
      .from(payoutMethods)
      .where(eq(payoutMethods.id, w.methods.usBank));
    const provider = routing().forKind('us_bank');
    standIn.connect.echoNextAccount();
    const refusal = await provider.registerDestination!({
      idempotencyKey: `test:${randomUUID()}`,
      payeeRef: null,
      payee: await payeeOf(database.db, w.actor.userId),
      destination: destinationOf(method),
    }).then(
      () => null,
      (error: unknown) => error as Error,
    );
    // The stand-in did get the number (so it could have quoted it)…
    expect(standIn.connect.accountCreateBodies.at(-1)).toMatchObject({
      'individual[id_number]': SSN,
      'individual[dob][year]': '1987',
    });
    // …and the error says where it failed, and nothing it was sent.
    expect(refusal?.message).toBe(
      'Stripe did not create the connected account (StripeInvalidRequestError parameter_invalid on individual)',
    );
    const everything = `${refusal?.message} ${refusal?.stack} ${JSON.stringify(refusal)} ${String(refusal?.cause)}`;
    expect(everything).not.toContain(SSN);
    expect(everything).not.toContain(US_BANK.accountNumber);
    expect(everything).not.toContain('1987');

    // Through a withdrawal: Stripe made nothing and would refuse the same details again, so
    // the money comes back at once, with the one email saying what to check.
    standIn.connect.echoNextAccount();
    const result = await requestWithdrawal(
      database.db,
      routing(),
      w.actor,
      form(w.methods.usBank, 500),
    );
    expect(result).toMatchObject({ ok: true, withdrawal: { status: 'returned' } });
    if (!result.ok) throw new Error(result.message);
    expect(result.withdrawal.failureReason).toContain('Check this payout method');
    expect(result.withdrawal.failureReason).not.toContain(SSN);
    expect(await balancesOfFreelancer(database.db, w.actor.userId)).toEqual({
      available: 10_000,
      withdrawing: 0,
    });
    expect(await returnedEmails(database.db, w.actor.email)).toHaveLength(1);
    expect(await postingsOf(result.withdrawal.id, 'payout_return')).toHaveLength(1);
    // Nothing is sent again for it; a new withdrawal (details now taken) is paid.
    await runJobsFor(routing(), 2 * MINUTE);
    expect((await withdrawalRows(database.db, w.actor.userId))[0].status).toBe('returned');
    const again = await requestWithdrawal(
      database.db,
      routing(),
      w.actor,
      form(w.methods.usBank, 500),
    );
    expect(again).toMatchObject({ ok: true, withdrawal: { status: 'processing' } });
  });
});

describe('a transfer Stripe refuses', () => {
  it('for good (the account cannot take transfers yet): returned at once, once, nothing on the account', async () => {
    const w = await makeWithdrawer(database.db, START, { availableCents: 10_000 });
    standIn.connect.refuseNextTransfer('insufficient_capabilities_for_transfer');
    const transfersBefore = standIn.connect.transfers.size;
    const result = await withdrawn(w, w.methods.usBank, 7_500);
    expect(result.withdrawal).toMatchObject({ status: 'returned', providerRef: null });
    expect(result.withdrawal.failureReason).toContain('insufficient_capabilities_for_transfer');
    expect(standIn.connect.transfers.size).toBe(transfersBefore);
    expect(payoutsWithKey(result.withdrawal.id)).toHaveLength(0);
    expect(await balancesOfFreelancer(database.db, w.actor.userId)).toEqual({
      available: 10_000,
      withdrawing: 0,
    });
    await runJobsFor(routing(), 5 * MINUTE);
    expect(await returnedEmails(database.db, w.actor.email)).toHaveLength(1);
    expect(await postingsOf(result.withdrawal.id, 'payout_return')).toHaveLength(1);
    expect(await paidOutFor(result.withdrawal.id)).toBe(0);
  });

  it("for the platform's own balance: kept and sent again a minute later, paid once", async () => {
    const w = await makeWithdrawer(database.db, START, { availableCents: 10_000 });
    standIn.connect.refuseNextTransfer('balance_insufficient');
    const result = await withdrawn(w, w.methods.usBank, 7_500);
    expect(result.withdrawal.status).toBe('requested');
    await runJobsFor(routing(), 2 * MINUTE);
    const [row] = await withdrawalRows(database.db, w.actor.userId);
    expect(row.status).toBe('processing');
    expect(payoutsWithKey(row.id)).toHaveLength(1);
    expect(await returnedEmails(database.db, w.actor.email)).toHaveLength(0);
  });
});
