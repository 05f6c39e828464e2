import { randomUUID } from 'node:crypto';
import { createTestDatabase } from '@/tests/helpers/db';

/*
 * The database ties every lifecycle timestamp to its status: whatever writes the rows, a
 * pending invite cannot carry a join, a decided check must say who decided, and so
 * on. Each case below starts from a consistent row and makes one raw update that breaks a
 * pair; Postgres must refuse it and name the check.
 */

let database: Awaited<ReturnType<typeof createTestDatabase>>;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.dispose();
});

/** A timestamp both drivers take as a raw parameter. */
const NOW = new Date().toISOString();

const run = (text: string, values: unknown[] = []) => database.executeSql(text, values);

async function insertUser(): Promise<string> {
  const id = randomUUID();
  await run(`insert into "user" (id, email) values ($1, $2)`, [id, `u-${id}@example.com`]);
  return id;
}

type Row = { inviteId: string; contractId: string; userId: string };

/** An invite and its offer in the given state, written consistently. */
async function insertInvite(status: 'pending' | 'joined' | 'declined' | 'revoked'): Promise<Row> {
  const userId = await insertUser();
  const workspaceId = randomUUID();
  await run(
    `insert into client_workspace (id, owner_id, name, type) values ($1, $2, 'W', 'company')`,
    [workspaceId, userId],
  );
  const inviteId = randomUUID();
  const joined = status === 'joined' || status === 'declined';
  await run(
    `insert into invite (id, workspace_id, invited_by_id, email, first_name, last_name, status,
       expires_at, joined_at, joined_by_id, declined_at, decline_reason, revoked_at)
     values ($1, $2, $3, $4, 'A', 'B', $5, now() + interval '1 day',
       $6, $7, $8, $9, $10)`,
    [
      inviteId,
      workspaceId,
      userId,
      `f-${inviteId}@example.com`,
      status,
      joined ? NOW : null,
      joined ? userId : null,
      status === 'declined' ? NOW : null,
      status === 'declined' ? 'Not now' : null,
      status === 'revoked' ? NOW : null,
    ],
  );
  const contractId = randomUUID();
  const contractStatus = {
    pending: 'offered',
    joined: 'active',
    declined: 'declined',
    revoked: 'withdrawn',
  }[status];
  await run(
    `insert into contract (id, invite_id, workspace_id, freelancer_id, status, kind, title,
       start_date, hourly_rate_cents, fee_bps)
     values ($1, $2, $3, $4, $5, 'hourly', 'Design', current_date, 5000, 500)`,
    [contractId, inviteId, workspaceId, joined ? userId : null, contractStatus],
  );
  return { inviteId, contractId, userId };
}

async function insertCheck(status: 'submitted' | 'approved' | 'rejected'): Promise<string> {
  const userId = await insertUser();
  const id = randomUUID();
  await run(
    `insert into compliance_check (id, user_id, level, status, answers, decided_at, decided_by_id, rejection_reason)
     values ($1, $2, 'questionnaire', $3, '{}', $4, $5, $6)`,
    [
      id,
      userId,
      status,
      status === 'submitted' ? null : NOW,
      status === 'submitted' ? null : userId,
      status === 'rejected' ? 'Missing documents' : null,
    ],
  );
  return id;
}

async function insertPayoutMethod(): Promise<string> {
  const userId = await insertUser();
  const id = randomUUID();
  await run(
    `insert into payout_method (id, user_id, kind, email, last4, is_default, usable_after)
     values ($1, $2, 'paypal', 'p@example.com', 'com', true, now())`,
    [id, userId],
  );
  return id;
}

const refused = (constraint: string) =>
  expect.objectContaining({ message: expect.stringContaining(constraint) });

describe('consistent rows in every state are accepted', () => {
  it.each(['pending', 'joined', 'declined', 'revoked'] as const)('an invite %s', async (status) => {
    await expect(insertInvite(status)).resolves.toBeDefined();
  });
  it.each(['submitted', 'approved', 'rejected'] as const)(
    'a compliance check %s',
    async (status) => {
      await expect(insertCheck(status)).resolves.toBeDefined();
    },
  );
  it('an expired invite, and a removed payout method that is no longer the default', async () => {
    const { inviteId } = await insertInvite('pending');
    await run(`update invite set status = 'expired' where id = $1`, [inviteId]);
    const methodId = await insertPayoutMethod();
    await run(`update payout_method set removed_at = now(), is_default = false where id = $1`, [
      methodId,
    ]);
  });
});

describe('invite status and timestamps', () => {
  it.each([
    [
      'pending',
      `joined_at = now(), joined_by_id = invited_by_id`,
      'invite_joined_at_matches_status',
    ],
    ['pending', `revoked_at = now()`, 'invite_revoked_at_matches_status'],
    ['pending', `declined_at = now()`, 'invite_declined_at_matches_status'],
    ['pending', `decline_reason = 'x'`, 'invite_decline_reason_when_declined'],
    ['joined', `declined_at = now()`, 'invite_declined_at_matches_status'],
    ['joined', `revoked_at = now()`, 'invite_revoked_at_matches_status'],
    ['joined', `joined_by_id = null`, 'invite_joined_by_with_time'],
    ['joined', `status = 'pending'`, 'invite_joined_at_matches_status'],
    ['declined', `status = 'joined', decline_reason = null`, 'invite_declined_at_matches_status'],
    ['declined', `joined_at = null, joined_by_id = null`, 'invite_joined_at_matches_status'],
    ['revoked', `status = 'pending'`, 'invite_revoked_at_matches_status'],
    ['revoked', `status = 'expired'`, 'invite_revoked_at_matches_status'],
  ] as const)('a %s invite refuses "set %s"', async (status, change, constraint) => {
    const { inviteId } = await insertInvite(status);
    await expect(run(`update invite set ${change} where id = $1`, [inviteId])).rejects.toEqual(
      refused(constraint),
    );
  });
});

describe('contract status and who decided', () => {
  it.each(['active', 'awaiting_compliance', 'declined'])(
    'a contract %s without its freelancer is refused',
    async (status) => {
      const { contractId } = await insertInvite('pending');
      await expect(
        run(`update contract set status = $2 where id = $1`, [contractId, status]),
      ).rejects.toEqual(refused('contract_decided_has_freelancer'));
    },
  );
});

describe('compliance check status and decision', () => {
  it.each([
    ['submitted', `decided_at = now()`, 'compliance_decided_at_matches_status'],
    ['submitted', `rejection_reason = 'x'`, 'compliance_reason_when_rejected'],
    ['approved', `status = 'submitted'`, 'compliance_decided_at_matches_status'],
    ['approved', `rejection_reason = 'x'`, 'compliance_reason_when_rejected'],
    ['approved', `decided_by_id = null`, 'compliance_decided'],
    ['rejected', `decided_at = null, decided_by_id = null`, 'compliance_decided'],
  ] as const)('a %s check refuses "set %s"', async (status, change, constraint) => {
    const checkId = await insertCheck(status);
    await expect(
      run(`update compliance_check set ${change} where id = $1`, [checkId]),
    ).rejects.toEqual(refused(constraint));
  });

  it('a decision without its decider, even while still submitted, is refused', async () => {
    const checkId = await insertCheck('submitted');
    await expect(
      run(`update compliance_check set decided_by_id = user_id where id = $1`, [checkId]),
    ).rejects.toEqual(refused('compliance_decided_by_with_time'));
  });
});

describe('payout method removal', () => {
  it('a removed method cannot stay the default', async () => {
    const methodId = await insertPayoutMethod();
    await expect(
      run(`update payout_method set removed_at = now() where id = $1`, [methodId]),
    ).rejects.toEqual(refused('payout_method_removed_not_default'));
  });
});
