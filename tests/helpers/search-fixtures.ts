import { randomUUID } from 'node:crypto';
import type { Db } from '@/db/client';
import { billingMethods, jobPostInvitations, jobPosts } from '@/db/schema';
import { createClient } from './invite-fixtures';

export type PostInput = Partial<typeof jobPosts.$inferInsert> & { workspaceId: string };

/** An open post straight into job_post (job post creation is another domain's). */
export async function insertOpenPost(db: Db, at: Date, input: PostInput): Promise<string> {
  const hourly = (input.budgetKind ?? 'hourly') === 'hourly';
  const [row] = await db
    .insert(jobPosts)
    .values({
      createdById: await ownerOf(db, input.workspaceId),
      title: 'A job',
      description: 'Some work to do.',
      skills: ['Writing'],
      budgetKind: 'hourly',
      hourlyMinCents: hourly ? 2000 : null,
      hourlyMaxCents: hourly ? 4000 : null,
      fixedBudgetCents: hourly ? null : 50000,
      experience: 'intermediate',
      duration: '1_to_3_months',
      workload: '10_to_30',
      status: 'open',
      openedAt: at,
      expiresAt: new Date(at.getTime() + 30 * 24 * 3600_000),
      ...input,
    })
    .returning({ id: jobPosts.id });
  return row.id;
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
