import { randomUUID } from 'node:crypto';
import type { Db } from '@/db/client';
import { billingMethods, jobPostInvitations, jobPosts } from '@/db/schema';
import { createClient } from './invite-fixtures';
import { insertJobPost } from './job-post-fixtures';

export type PostInput = Partial<typeof jobPosts.$inferInsert> & { workspaceId: string };

/**
 * An open post opened at `at` in the workspace, through insertJobPost with the search tests'
 * own defaults (a plain "A job" about writing, hourly $20–$40 or fixed $500, no questions).
 */
export async function insertOpenPost(db: Db, at: Date, input: PostInput): Promise<string> {
  const { workspaceId, ...columns } = input;
  const hourly = (columns.budgetKind ?? 'hourly') === 'hourly';
  const client = { workspaceId, userId: await ownerOf(db, workspaceId) };
  const post = await insertJobPost(db, client, {
    title: 'A job',
    description: 'Some work to do.',
    skills: ['Writing'],
    hourlyMinCents: hourly ? 2000 : null,
    hourlyMaxCents: hourly ? 4000 : null,
    fixedBudgetCents: hourly ? null : 50000,
    questions: [],
    openedAt: at,
    ...columns,
  });
  return post.id;
}

const owners = new Map<string, string>();
async function ownerOf(db: Db, workspaceId: string): Promise<string> {
  const known = owners.get(workspaceId);
  if (known) return known;
  const ws = await db.query.clientWorkspaces.findFirst({
    where: (w, { eq }) => eq(w.id, workspaceId),
  });
  owners.set(workspaceId, ws!.ownerId);
  return ws!.ownerId;
}

/** A client workspace; `billing: true` gives it a (simulated) card on file. */
export async function createPoster(db: Db, options: { billing?: boolean } = {}) {
  const client = await createClient(db);
  owners.set(client.workspaceId, client.userId);
  if (options.billing) {
    await db.insert(billingMethods).values({
      workspaceId: client.workspaceId,
      provider: 'simulated',
      providerRef: `pm_${randomUUID()}`,
      brand: 'visa',
      last4: '4242',
      expMonth: 12,
      expYear: 2040,
      isDefault: true,
    });
  }
  return client;
}

export async function invite(db: Db, jobPostId: string, freelancerId: string): Promise<void> {
  await db.insert(jobPostInvitations).values({ jobPostId, freelancerId });
}
