import { eq } from 'drizzle-orm';
import { emailOutbox, proposals } from '@/db/schema';
import type { Inviter } from '@/lib/accounts/inviter';
import { insertJobPost } from '@/tests/helpers/job-post-fixtures';
import { createTestDatabase } from '@/tests/helpers/db';
import { createClient } from '@/tests/helpers/invite-fixtures';
import { parseProposal } from '@/tests/helpers/proposal-fixtures';
import { createFreelancer } from '@/tests/helpers/settings-fixtures';
import { declineProposal } from './client';
import { submitProposal } from './service';

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let client: Inviter;

beforeAll(async () => {
  database = await createTestDatabase();
  client = await createClient(database.db, { workspaceName: 'Acme & Sons' });
});
afterAll(() => database.dispose());

async function proposalTo(title: string) {
  const job = await insertJobPost(database.db, client, { title });
  const f = await createFreelancer(database.db);
  const r = await submitProposal(database.db, {
    freelancerId: f.userId,
    input: parseProposal({ jobPostId: job.id }),
  });
  if (!r.ok) throw new Error(r.message);
  return { proposalId: r.proposalId, email: f.email };
}

const mailTo = (email: string) =>
  database.db.select().from(emailOutbox).where(eq(emailOutbox.toAddress, email));

describe('declineProposal', () => {
  it('stores the reason as typed and emails it to the freelancer once, as text', async () => {
    const { proposalId, email } = await proposalTo('Charts <i>now</i>');
    const reason = '<script>alert(1)</script> & we hired "someone"';
    const result = await declineProposal(database.db, {
      workspaceId: client.workspaceId,
      proposalId,
      reason,
    });
    expect(result).toEqual({ ok: true, jobPostId: expect.any(String) });
    const [row] = await database.db.select().from(proposals).where(eq(proposals.id, proposalId));
    expect(row.declineReason).toBe(reason);

    const mail = await mailTo(email);
    expect(mail).toHaveLength(1);
    expect(mail[0]).toMatchObject({
      template: 'proposal-declined',
      subject: 'Your proposal for “Charts <i>now</i>” was declined',
    });
    expect(mail[0].html).not.toContain('<script>');
    expect(mail[0].html).not.toContain('<i>now');
    expect(mail[0].html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(mail[0].text).toContain(`Their reason: ${reason}`);
    expect(mail[0].text).toContain('Acme & Sons');

    // Declined already: refused, and no second email.
    expect(
      await declineProposal(database.db, { workspaceId: client.workspaceId, proposalId }),
    ).toMatchObject({ ok: false });
    expect(await mailTo(email)).toHaveLength(1);
  });

  it('says no reason was given when there is none, and emails nothing for another workspace', async () => {
    const other = await createClient(database.db, { workspaceName: 'Other Co' });
    const { proposalId, email } = await proposalTo('Dashboard work');
    expect(
      await declineProposal(database.db, { workspaceId: other.workspaceId, proposalId }),
    ).toMatchObject({ ok: false, message: expect.stringMatching(/could not find/) });
    expect(await mailTo(email)).toHaveLength(0);

    expect(
      (await declineProposal(database.db, { workspaceId: client.workspaceId, proposalId })).ok,
    ).toBe(true);
    const [mail] = await mailTo(email);
    expect(mail.text).toContain('They did not give a reason.');
    const [row] = await database.db.select().from(proposals).where(eq(proposals.id, proposalId));
    expect(row.declineReason).toBeNull();
  });
});
