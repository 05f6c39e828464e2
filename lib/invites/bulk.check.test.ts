import type { Inviter } from '@/lib/accounts/inviter';
import { eq, sql } from 'drizzle-orm';
import { emailOutbox, invites } from '@/db/schema';
import { resetEnvCache } from '@/lib/env';
import { createTestDatabase } from '@/tests/helpers/db';
import {
  createClient,
  fixedOfferInput,
  hourlyOfferInput,
  inviteData,
  parseOffer,
} from '@/tests/helpers/invite-fixtures';
import { checkBulkInvites, describeRate, type BulkReport } from './bulk';
import { createInvite } from './service';

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let client: Inviter;
const hourly = parseOffer(hourlyOfferInput({ hourlyRateDollars: '50' }));

beforeAll(async () => {
  database = await createTestDatabase();
  client = await createClient(database.db);
  const pending = await createInvite(database.db, {
    inviter: client,
    input: inviteData('pending@example.com'),
  });
  if (!pending.ok) throw new Error(pending.message);
});
afterAll(() => database.dispose());

async function rowCounts() {
  const [i] = await database.db.select({ n: sql<number>`count(*)::int` }).from(invites);
  const [o] = await database.db.select({ n: sql<number>`count(*)::int` }).from(emailOutbox);
  return { invites: i.n, outbox: o.n };
}

function rowsOf(report: BulkReport) {
  if (!report.ok) throw new Error(report.message);
  return report.rows.map((r) => ({
    line: r.line,
    email: r.email,
    outcome: r.outcome,
    reason: r.reason,
    rateCents: r.rateCents,
  }));
}

const MIXED = [
  'Email,First name,Last name,Rate',
  'good@example.com,Ann,Lee,',
  'not-an-email,Bob,Ray,',
  'nolast@example.com,Cy,,',
  'badrate@example.com,Di,Ko,abc',
  'cols@example.com,Ed,Wu,50,extra',
  ' GOOD@example.com ,Ann,Again,',
  'pending@example.com,Pat,Doe,',
  'rated@example.com,Ria,Sen,$65',
  '',
  '"quoted@example.com","Smith, Jr.","O""Brien",',
].join('\n');

describe('checkBulkInvites', () => {
  it('reports per line what will be sent and why the rest is skipped, and writes nothing', async () => {
    const before = await rowCounts();
    const report = await checkBulkInvites(database.db, {
      inviter: client,
      csv: MIXED,
      offer: hourly,
    });
    expect(rowsOf(report)).toEqual([
      { line: 2, email: 'good@example.com', outcome: 'send', reason: undefined, rateCents: 5000 },
      {
        line: 3,
        email: 'not-an-email',
        outcome: 'skip',
        reason: 'Enter one email address, like name@example.com.',
        rateCents: null,
      },
      {
        line: 4,
        email: 'nolast@example.com',
        outcome: 'skip',
        reason: "Enter the freelancer's last name.",
        rateCents: null,
      },
      {
        line: 5,
        email: 'badrate@example.com',
        outcome: 'skip',
        reason: 'Enter the hourly rate as an amount in dollars, like 45 or 45.50.',
        rateCents: null,
      },
      {
        line: 6,
        email: 'cols@example.com',
        outcome: 'skip',
        reason: 'Too many columns: expected email, first name, last name, rate.',
        rateCents: null,
      },
      {
        line: 7,
        email: 'good@example.com',
        outcome: 'skip',
        reason: 'This address appears earlier in the list.',
        rateCents: 5000,
      },
      {
        line: 8,
        email: 'pending@example.com',
        outcome: 'skip',
        reason: 'You already have a pending invite to this address.',
        rateCents: 5000,
      },
      { line: 9, email: 'rated@example.com', outcome: 'send', reason: undefined, rateCents: 6500 },
      {
        line: 11,
        email: 'quoted@example.com',
        outcome: 'send',
        reason: undefined,
        rateCents: 5000,
      },
    ]);
    expect(report).toMatchObject({ ok: true, toSend: 3, skipped: 6 });
    if (report.ok) expect(report.rows.find((r) => r.line === 11)?.name).toBe('Smith, Jr. O"Brien');
    expect(await rowCounts()).toEqual(before);
  });

  it('lists every problem of a row in its reason', async () => {
    const report = await checkBulkInvites(database.db, {
      inviter: client,
      csv: 'bad,,,2',
      offer: hourly,
    });
    const [row] = rowsOf(report);
    expect(row.outcome).toBe('skip');
    for (const part of [
      'Enter one email address',
      "Enter the freelancer's first name.",
      "Enter the freelancer's last name.",
      'The hourly rate must be at least $3.00.',
    ]) {
      expect(row.reason).toContain(part);
    }
  });

  it('reads a list without a header from line 1', async () => {
    const report = await checkBulkInvites(database.db, {
      inviter: client,
      csv: 'first@example.com,A,B\nsecond@example.com,C,D,70',
      offer: hourly,
    });
    expect(rowsOf(report).map((r) => [r.line, r.outcome, r.rateCents])).toEqual([
      [1, 'send', 5000],
      [2, 'send', 7000],
    ]);
    if (report.ok) expect(report.rows.map(describeRate)).toEqual(['$50.00/h', '$70.00/h']);
  });

  it('refuses a rate on a fixed-price offer', async () => {
    const fixed = parseOffer(fixedOfferInput());
    const report = await checkBulkInvites(database.db, {
      inviter: client,
      csv: 'a@example.com,A,B,50\nb@example.com,C,D',
      offer: fixed,
    });
    expect(rowsOf(report).map((r) => [r.outcome, r.reason, r.rateCents])).toEqual([
      ['skip', 'A rate only applies to an hourly offer.', null],
      ['send', undefined, null],
    ]);
  });

  it('refuses an empty list and a list over 1 MB', async () => {
    expect(
      await checkBulkInvites(database.db, { inviter: client, csv: ' \n ', offer: hourly }),
    ).toEqual({
      ok: false,
      message: 'Paste or upload a CSV with one freelancer per line.',
    });
    const huge = `a@example.com,${'x'.repeat(1_000_001)},B`;
    expect(
      await checkBulkInvites(database.db, { inviter: client, csv: huge, offer: hourly }),
    ).toEqual({
      ok: false,
      message: 'That file is larger than 1 MB. Split it into lists of at most 500 people.',
    });
  });

  it('refuses a list whose quote never closes, naming the line', async () => {
    const csv = 'email\nann@example.com,"Ann,Lee\nbo@example.com,Bo,Chen\n';
    expect(
      await checkBulkInvites(database.db, { inviter: client, csv, offer: hourly }),
    ).toMatchObject({
      ok: false,
      message: expect.stringMatching(/^Line 2 opens a quoted field \(\"\) that is never closed/),
    });
  });

  it('skips the rows over the daily limit, naming it', async () => {
    const saved = process.env.INVITES_PER_DAY;
    process.env.INVITES_PER_DAY = '2';
    resetEnvCache();
    try {
      const small = await createClient(database.db, { workspaceName: 'Small Co' });
      await createInvite(database.db, { inviter: small, input: inviteData('already@example.com') });
      const report = await checkBulkInvites(database.db, {
        inviter: small,
        csv: 'x1@example.com,A,B\nx2@example.com,A,B',
        offer: hourly,
      });
      expect(rowsOf(report).map((r) => [r.outcome, r.reason])).toEqual([
        ['send', undefined],
        ['skip', 'The daily limit of 2 invites is reached.'],
      ]);
    } finally {
      if (saved === undefined) delete process.env.INVITES_PER_DAY;
      else process.env.INVITES_PER_DAY = saved;
      resetEnvCache();
    }
  });

  it('does not count an invite past its expiry as pending', async () => {
    const lapsed = await createInvite(database.db, {
      inviter: client,
      input: inviteData('lapsed@example.com'),
    });
    if (!lapsed.ok) throw new Error(lapsed.message);
    await database.db
      .update(invites)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(invites.id, lapsed.inviteId));
    const report = await checkBulkInvites(database.db, {
      inviter: client,
      csv: 'lapsed@example.com,A,B',
      offer: hourly,
    });
    expect(rowsOf(report)[0].outcome).toBe('send');
  });
});
