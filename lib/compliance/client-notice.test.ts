import { and, eq, like } from 'drizzle-orm';
import { emailOutbox, users } from '@/db/schema';
import { createTestDatabase } from '@/tests/helpers/db';
import {
  acceptedContract,
  createAdmin,
  createWorkspace,
  pdfBytes,
  sampleAnswers,
  TEST_IP,
  uniqueEmail,
} from '@/tests/helpers/compliance-fixtures';
import type { Inviter } from '@/lib/accounts/inviter';
import { listWorkspaceInvites } from '@/lib/invites/queries';
import { displayStatus, STATUS_LABELS } from '@/lib/invites/status';
import { findFreelancersNotApproved } from './client-status';
import { decideCheck, submitCheck, type Reviewer } from './service';

/**
 * Issue 19.10: the client was not emailed when the check their contract waits for was
 * decided, and their list still said "starts after the compliance check" after a rejection.
 */
let database: Awaited<ReturnType<typeof createTestDatabase>>;
let enterprise: Inviter;
let admin: Reviewer;
const REASON = 'The registration document is unreadable.';

beforeAll(async () => {
  database = await createTestDatabase();
  enterprise = await createWorkspace(database.db, 'enterprise', 'Globex');
  admin = await createAdmin(database.db);
});
afterAll(() => database.dispose());

async function clientEmail(client: Inviter) {
  const [row] = await database.db.select().from(users).where(eq(users.id, client.userId));
  return row.email;
}

/** An enterprise contract waiting for the freelancer's submitted check. */
async function waitingContract() {
  const contract = await acceptedContract(database.db, enterprise, uniqueEmail('alex'));
  const submitted = await submitCheck(database.db, {
    userId: contract.freelancerId,
    answers: sampleAnswers(),
    documents: [{ fileName: 'registration.pdf', bytes: pdfBytes() }],
    ip: TEST_IP,
  });
  if (!submitted.ok) throw new Error(submitted.message);
  return { ...contract, checkId: submitted.checkId };
}

const clientNotices = async (to: string) =>
  database.db
    .select()
    .from(emailOutbox)
    .where(and(eq(emailOutbox.toAddress, to), like(emailOutbox.template, 'compliance-client-%')));

/**
 * The status the client's list shows, from the list's own flag, which must agree with
 * findFreelancersNotApproved (the invite's own page asks that).
 */
async function listedStatus(inviteId: string) {
  const rows = await listWorkspaceInvites(database.db, enterprise.workspaceId, {
    limit: 100,
    offset: 0,
  });
  const row = rows.find((r) => r.id === inviteId)!;
  const notApproved = await findFreelancersNotApproved(
    database.db,
    rows.flatMap((r) => (r.freelancerId ? [r.freelancerId] : [])),
  );
  expect(row.complianceRejected).toBe(
    row.contractStatus === 'awaiting_compliance' &&
      row.freelancerId !== null &&
      notApproved.has(row.freelancerId),
  );
  return STATUS_LABELS[displayStatus({ ...row, outboxStatus: row.outboxStatus ?? null })];
}

describe("the client of a contract waiting for the freelancer's compliance check", () => {
  it('is emailed a rejection as a status only, and the list says the contract cannot start', async () => {
    const to = await clientEmail(enterprise);
    const contract = await waitingContract();
    expect(await listedStatus(contract.inviteId)).toBe(
      'Accepted; starts after the compliance check',
    );
    const before = (await clientNotices(to)).length;
    const result = await decideCheck(database.db, {
      reviewer: admin,
      checkId: contract.checkId,
      decision: 'reject',
      reason: REASON,
      ip: TEST_IP,
    });
    expect(result).toMatchObject({ ok: true, decision: 'rejected' });

    const notices = await clientNotices(to);
    expect(notices).toHaveLength(before + 1);
    const mail = notices.at(-1)!;
    expect(mail.template).toBe('compliance-client-rejected');
    expect(mail.subject).toMatch(
      /cannot start yet: Alex Rivera's compliance check was not approved/,
    );
    expect(mail.text).toContain('cannot start until Alex Rivera passes the check');
    expect(mail.text).toContain(`/client/invites/${contract.inviteId}`);
    // The reason, the answers and the documents are the freelancer's.
    for (const body of [mail.text, mail.html ?? '']) {
      expect(body).not.toContain(REASON);
      expect(body).not.toContain('registration.pdf');
    }
    expect(await listedStatus(contract.inviteId)).toBe(
      'Accepted; compliance check not approved, cannot start until the freelancer passes',
    );
  });

  it('is emailed when the check is approved and the contract starts', async () => {
    const to = await clientEmail(enterprise);
    const contract = await waitingContract();
    const before = (await clientNotices(to)).length;
    await decideCheck(database.db, {
      reviewer: admin,
      checkId: contract.checkId,
      decision: 'approve',
      ip: TEST_IP,
    });
    const notices = await clientNotices(to);
    expect(notices).toHaveLength(before + 1);
    expect(notices.at(-1)).toMatchObject({
      template: 'compliance-client-approved',
      subject: expect.stringMatching(
        /^Alex Rivera passed the compliance check: “Contract .+” is active$/,
      ),
    });
    expect(await listedStatus(contract.inviteId)).toBe('Accepted');
  });
});
