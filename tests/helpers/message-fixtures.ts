import { randomUUID } from 'node:crypto';
import { count, eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { emailOutbox, jobPosts, messageThreads, proposals, users } from '@/db/schema';
import type { Inviter } from '@/lib/accounts/inviter';
import { findSessionViewer } from '@/lib/accounts/queries';
import { createSession } from '@/lib/auth/service';
import { hashToken } from '@/lib/security/tokens';
import { uniqueEmail } from './compliance-fixtures';

/** A freelancer account (no profile needed for messages). */
export async function createPerson(db: Db, name = 'Sam Rivera') {
  const [user] = await db
    .insert(users)
    .values({ email: uniqueEmail('person'), name })
    .returning({ id: users.id, email: users.email });
  return user;
}

/** An open job post of the client and a proposal to it, written directly. */
export async function createProposal(
  db: Db,
  client: Inviter,
  freelancerId: string,
  title = 'Logo design',
) {
  const [job] = await db
    .insert(jobPosts)
    .values({
      workspaceId: client.workspaceId,
      createdById: client.userId,
      title: `${title} ${randomUUID().slice(0, 4)}`,
      description: 'A new logo.',
      skills: ['design'],
      budgetKind: 'fixed',
      fixedBudgetCents: 50_000,
      experience: 'intermediate',
      duration: 'under_1_month',
      workload: 'under_10',
      status: 'open',
      openedAt: new Date(),
      expiresAt: new Date(Date.now() + 30 * 86_400_000),
    })
    .returning({ id: jobPosts.id, title: jobPosts.title });
  const [proposal] = await db
    .insert(proposals)
    .values({
      jobPostId: job.id,
      freelancerId,
      coverLetter: 'I can do it.',
      bidShape: 'project',
      bidCents: 40_000,
      estimatedDuration: 'under_1_month',
      submittedAt: new Date(),
    })
    .returning({ id: proposals.id });
  return { proposalId: proposal.id, jobTitle: job.title };
}

/** The unread-messages emails written to one address. */
export async function unreadEmailsTo(db: Db, to: string) {
  const rows = await db.select().from(emailOutbox).where(eq(emailOutbox.toAddress, to));
  return rows.filter((r) => r.template === 'unread-messages');
}

/** The header's badge as a signed-in page reads it: the session lookup's unread column. */
export async function unreadBadgeOf(db: Db, userId: string): Promise<number | undefined> {
  const session = await createSession(db, userId);
  return (await findSessionViewer(db, hashToken(session.token)))?.unreadMessages;
}

/** How many threads there are, to show that something wrote none. */
export async function countThreads(db: Db): Promise<number> {
  const [row] = await db.select({ n: count() }).from(messageThreads);
  return row.n;
}

/**
 * A proposal's thread with no messages, written directly (threads started on a page visit,
 * before the first message started them, look like this): a place for tests to post to.
 */
export async function createEmptyThread(
  db: Db,
  client: Inviter,
  freelancerId: string,
  proposalId: string,
) {
  const [row] = await db
    .insert(messageThreads)
    .values({ proposalId, workspaceId: client.workspaceId, freelancerId, createdAt: new Date() })
    .returning({ id: messageThreads.id });
  return row.id;
}
