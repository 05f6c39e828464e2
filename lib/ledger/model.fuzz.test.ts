import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import type { Tx } from '@/db/client';
import { feeCents } from '@/lib/money/money';
import { createTestDatabase } from '@/tests/helpers/db';
import { accounts, type AccountCode } from './accounts';
import { describeProblem, findLedgerProblems } from './check';
import { isLedgerError } from './errors';
import { postTransaction, type Posting } from './post';
import { balancesOf } from './queries';

/*
 * Random sequences of charges, releases, refunds, replays and provider failures, run
 * against the real postTransaction and a small in-memory model of the money. After every
 * step: every transaction sums to zero, all accounts together sum to zero, no non-world
 * account is negative, no invoice is charged or released twice, and the balances of the
 * run's accounts are the model's.
 */

const FEE_BPS = 500;
const CONTRACTS = 2;

type InvoiceState = 'open' | 'charged' | 'released' | 'refunded';
type Invoice = { id: string; contract: number; cents: number; state: InvoiceState };

class Model {
  invoices: Invoice[] = [];
  /** Every posting that went through, for replays. */
  posted: Posting[] = [];
  balances = new Map<AccountCode, number>();
  constructor(
    readonly contracts: string[],
    readonly freelancer: string,
  ) {}
  add(account: AccountCode, cents: number) {
    this.balances.set(account, (this.balances.get(account) ?? 0) + cents);
  }
}

type Real = { run(fn: (tx: Tx) => Promise<unknown>): Promise<unknown> };

class ProviderDeclined extends Error {}

const chargeOf = (m: Model, invoice: Invoice): Posting => ({
  key: `charge:${invoice.id}`,
  source: { type: 'invoice', id: invoice.id },
  kind: 'charge',
  entries: [
    { account: accounts.clientFunding(), cents: -invoice.cents, currency: 'USD' },
    {
      account: accounts.inReview(m.contracts[invoice.contract]),
      cents: invoice.cents,
      currency: 'USD',
    },
  ],
});

function applyPosting(m: Model, posting: Posting) {
  for (const e of posting.entries) if (!e.account.startsWith('world:')) m.add(e.account, e.cents);
  m.posted.push(posting);
}

async function expectLedgerError(promise: Promise<unknown>, code: string) {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(isLedgerError(error) ? error.code : error).toBe(code);
}

/** A new invoice, charged; or the provider declines and nothing is posted. */
class Charge implements fc.AsyncCommand<Model, Real> {
  constructor(
    readonly contract: number,
    readonly cents: number,
    readonly declined: boolean,
  ) {}
  check = (_m: Readonly<Model>) => true;
  async run(m: Model, r: Real) {
    const invoice: Invoice = {
      id: randomUUID(),
      contract: this.contract,
      cents: this.cents,
      state: 'open',
    };
    m.invoices.push(invoice);
    await this.charge(m, r, invoice);
  }
  async charge(m: Model, r: Real, invoice: Invoice) {
    const posting = chargeOf(m, invoice);
    const outcome = r.run(async (tx) => {
      await postTransaction(tx, posting);
      // The provider answers after the posting, inside the same transaction: a decline
      // rolls the posting back with it.
      if (this.declined) throw new ProviderDeclined();
    });
    if (this.declined) {
      await expect(outcome).rejects.toBeInstanceOf(ProviderDeclined);
      return;
    }
    await outcome;
    invoice.state = 'charged';
    applyPosting(m, posting);
  }
  toString = () => `Charge(${this.contract}, ${this.cents}${this.declined ? ', declined' : ''})`;
}

/** A declined invoice charged again under its own key. */
class RetryCharge extends Charge {
  constructor(readonly pick: number) {
    super(0, 0, false);
  }
  check = (m: Readonly<Model>) => m.invoices.some((i) => i.state === 'open');
  async run(m: Model, r: Real) {
    await this.charge(m, r, pickFrom(m, 'open', this.pick));
  }
  toString = () => `RetryCharge(${this.pick})`;
}

const pickFrom = (m: Readonly<Model>, state: InvoiceState, pick: number) => {
  const matching = m.invoices.filter((i) => i.state === state);
  return matching[pick % matching.length];
};

function releaseOf(m: Model, invoice: Invoice, key = `release:${invoice.id}`): Posting {
  const fee = feeCents(invoice.cents, FEE_BPS);
  return {
    key,
    source: { type: 'invoice', id: invoice.id },
    kind: 'release',
    entries: [
      {
        account: accounts.inReview(m.contracts[invoice.contract]),
        cents: -invoice.cents,
        currency: 'USD',
      },
      { account: accounts.pending(m.freelancer), cents: invoice.cents - fee, currency: 'USD' },
      ...(fee > 0 ? [{ account: accounts.serviceFees(), cents: fee, currency: 'USD' }] : []),
    ],
  };
}

/** Releases a charged invoice: the fee to the platform, the net to the freelancer. */
class Release implements fc.AsyncCommand<Model, Real> {
  constructor(readonly pick: number) {}
  check = (m: Readonly<Model>) => m.invoices.some((i) => i.state === 'charged');
  async run(m: Model, r: Real) {
    const invoice = pickFrom(m, 'charged', this.pick);
    const posting = releaseOf(m, invoice);
    await r.run((tx) => postTransaction(tx, posting));
    invoice.state = 'released';
    applyPosting(m, posting);
  }
  toString = () => `Release(${this.pick})`;
}

/** A released invoice released again under a new key: refused, whatever the key. */
class ReleaseAgain implements fc.AsyncCommand<Model, Real> {
  constructor(readonly pick: number) {}
  check = (m: Readonly<Model>) => m.invoices.some((i) => i.state === 'released');
  async run(m: Model, r: Real) {
    const posting = releaseOf(m, pickFrom(m, 'released', this.pick), randomUUID());
    await expectLedgerError(
      r.run((tx) => postTransaction(tx, posting)),
      'source-already-posted',
    );
  }
  toString = () => `ReleaseAgain(${this.pick})`;
}

/** Takes a cent more than a contract's review account holds: refused, nothing moves. */
class Overdraw implements fc.AsyncCommand<Model, Real> {
  constructor(readonly contract: number) {}
  check = () => true;
  async run(m: Model, r: Real) {
    const inReview = accounts.inReview(m.contracts[this.contract]);
    const cents = (m.balances.get(inReview) ?? 0) + 1;
    const posting: Posting = {
      key: randomUUID(),
      source: { type: 'invoice', id: randomUUID() },
      kind: 'release',
      entries: [
        { account: inReview, cents: -cents, currency: 'USD' },
        { account: accounts.pending(m.freelancer), cents, currency: 'USD' },
      ],
    };
    await expectLedgerError(
      r.run((tx) => postTransaction(tx, posting)),
      'overdraft',
    );
  }
  toString = () => `Overdraw(${this.contract})`;
}

/** Refunds a charged, unreleased invoice to the client. */
class Refund implements fc.AsyncCommand<Model, Real> {
  constructor(readonly pick: number) {}
  check = (m: Readonly<Model>) => m.invoices.some((i) => i.state === 'charged');
  async run(m: Model, r: Real) {
    const invoice = pickFrom(m, 'charged', this.pick);
    const posting: Posting = {
      key: `refund:${invoice.id}`,
      source: { type: 'invoice', id: invoice.id },
      kind: 'refund',
      entries: [
        {
          account: accounts.inReview(m.contracts[invoice.contract]),
          cents: -invoice.cents,
          currency: 'USD',
        },
        { account: accounts.clientFunding(), cents: invoice.cents, currency: 'USD' },
      ],
    };
    await r.run((tx) => postTransaction(tx, posting));
    invoice.state = 'refunded';
    applyPosting(m, posting);
  }
  toString = () => `Refund(${this.pick})`;
}

/** Posts an earlier posting again: the same result, or with another amount, refused. */
class Replay implements fc.AsyncCommand<Model, Real> {
  constructor(
    readonly pick: number,
    readonly tamper: boolean,
  ) {}
  check = (m: Readonly<Model>) => m.posted.length > 0;
  async run(m: Model, r: Real) {
    const original = m.posted[this.pick % m.posted.length];
    const again = this.tamper
      ? {
          ...original,
          entries: original.entries.map((e, i) =>
            i < 2 ? { ...e, cents: e.cents + (i === 0 ? -1 : 1) } : e,
          ),
        }
      : original;
    const attempt = r.run((tx) => postTransaction(tx, again));
    if (this.tamper) return expectLedgerError(attempt, 'key-reused');
    expect(await attempt).toMatchObject({ replayed: true });
  }
  toString = () => `Replay(${this.pick}${this.tamper ? ', other amount' : ''})`;
}

let database: Awaited<ReturnType<typeof createTestDatabase>>;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.dispose());

async function checkInvariants(m: Model) {
  const problems = await findLedgerProblems(database.db);
  expect(problems.map(describeProblem)).toEqual([]);
  const codes = [...m.balances.keys()].filter((c) => c !== accounts.serviceFees());
  const real = await balancesOf(database.db, codes);
  for (const code of codes) expect([code, real.get(code)]).toEqual([code, m.balances.get(code)]);
  const [twice] = (
    await database.executeSql(
      `select count(*)::int as n from (select source_type, source_id, kind from ledger_transaction
       group by 1, 2, 3 having count(*) > 1) d`,
      [],
    )
  ).rows;
  expect(twice.n).toBe(0);
  // An invoice is charged at most once and leaves review (released or refunded) at most once.
  const [settledTwice] = (
    await database.executeSql(
      `select count(*)::int as n from (select source_id from ledger_transaction
       where source_type = 'invoice' and kind in ('release', 'refund')
       group by source_id having count(*) > 1) d`,
      [],
    )
  ).rows;
  expect(settledTwice.n).toBe(0);
}

const commands = [
  fc
    .tuple(fc.nat(CONTRACTS - 1), fc.integer({ min: 1, max: 500_000 }), fc.boolean())
    .map(([c, cents, declined]) => new Charge(c, cents, declined)),
  fc.nat().map((pick) => new RetryCharge(pick)),
  fc.nat().map((pick) => new Release(pick)),
  fc.nat().map((pick) => new ReleaseAgain(pick)),
  fc.nat(CONTRACTS - 1).map((c) => new Overdraw(c)),
  fc.nat().map((pick) => new Refund(pick)),
  fc.tuple(fc.nat(), fc.boolean()).map(([pick, tamper]) => new Replay(pick, tamper)),
];

describe('the ledger against its model', () => {
  it('keeps every invariant after every step', async () => {
    await fc.assert(
      fc.asyncProperty(fc.commands(commands, { maxCommands: 25 }), async (cmds) => {
        const model = new Model(
          Array.from({ length: CONTRACTS }, () => randomUUID()),
          randomUUID(),
        );
        const real: Real = { run: (fn) => database.db.transaction(fn) };
        const checked = [...cmds].map((cmd) => ({
          check: (m: Readonly<Model>) => cmd.check(m),
          run: async (m: Model, r: Real) => {
            await cmd.run(m, r);
            await checkInvariants(m);
          },
          toString: () => cmd.toString(),
        }));
        await fc.asyncModelRun(() => ({ model, real }), checked);
      }),
      { numRuns: 30 },
    );
  });
});
