import { eq } from 'drizzle-orm';
import type { Db, DbOrTx } from '@/db/client';
import { jobPosts } from '@/db/schema';
import { recordAudit } from '@/lib/audit/log';
import { now } from '@/lib/clock';
import {
  findFreelancersByEmail,
  findWorkspaceJobPost,
  lockWorkspaceJobPost,
  replaceInvitations,
  type JobPostRow,
  type JobPostStatus,
} from './queries';
import type { JobPostData } from './schemas';

export const OPEN_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;

/** The client acting on their workspace's posts. */
export type JobOwner = { userId: string; workspaceId: string; ip?: string | null };

export type JobPostRefusal = 'not-found' | 'wrong-state' | 'unknown-invitee';

export type JobPostResult =
  | { ok: true; post: JobPostRow }
  | {
      ok: false;
      reason: JobPostRefusal;
      message: string;
      fieldErrors?: Record<string, string[]>;
    };

const NOT_FOUND = 'That job post was not found among yours.';

const refuse = (reason: JobPostRefusal, message: string, fieldErrors?: Record<string, string[]>) =>
  ({ ok: false, reason, message, ...(fieldErrors ? { fieldErrors } : {}) }) as const;

/** The dates of a fresh opening: 30 days from now, reminder not yet sent. */
function openingAt(at: Date) {
  return {
    status: 'open' as const,
    openedAt: at,
    expiresAt: new Date(at.getTime() + OPEN_DAYS * DAY_MS),
    expiryReminderSentAt: null,
    closedAt: null,
    closeReason: null,
  };
}

function postColumns(data: JobPostData) {
  return {
    title: data.title,
    description: data.description,
    skills: data.skills,
    budgetKind: data.budgetKind,
    hourlyMinCents: data.hourlyMinCents,
    hourlyMaxCents: data.hourlyMaxCents,
    fixedBudgetCents: data.fixedBudgetCents,
    experience: data.experience,
    duration: data.duration,
    workload: data.workload,
    visibility: data.visibility,
    questions: data.questions,
  };
}

/**
 * Freelancer ids for the invite-only list, or the emails that name no freelancer account
 * (the form shows them all next to the field).
 */
async function resolveInvitees(
  db: DbOrTx,
  emails: string[],
): Promise<{ ok: true; ids: string[] } | { ok: false; unknown: string[] }> {
  const found = await findFreelancersByEmail(db, emails);
  const byEmail = new Map(found.map((f) => [f.email.toLowerCase(), f.userId]));
  const unknown = emails.filter((e) => !byEmail.has(e));
  if (unknown.length > 0) return { ok: false, unknown };
  return { ok: true, ids: emails.map((e) => byEmail.get(e)!) };
}

function unknownInvitees(unknown: string[]) {
  const list = unknown.join(', ');
  return refuse('unknown-invitee', 'Some invitees have no freelancer account.', {
    invitees: [
      `No freelancer account uses ${list}. Invite only freelancers already on Workbridge (ask them for the email they signed up with).`,
    ],
  });
}

/** A new post: a draft, or open at once for 30 days (`publish`). */
export async function createJobPost(
  db: Db,
  owner: JobOwner,
  data: JobPostData,
  options: { publish: boolean; invitees?: string[] },
): Promise<JobPostResult> {
  const invitees = await resolveInvitees(db, options.invitees ?? []);
  if (!invitees.ok) return unknownInvitees(invitees.unknown);
  return db.transaction(async (tx) => {
    const at = now();
    const [post] = await tx
      .insert(jobPosts)
      .values({
        workspaceId: owner.workspaceId,
        createdById: owner.userId,
        ...postColumns(data),
        ...(options.publish ? openingAt(at) : { status: 'draft' as const }),
        createdAt: at,
        updatedAt: at,
      })
      .returning();
    await replaceInvitations(tx, post.id, invitees.ids);
    await audit(tx, owner, options.publish ? 'job_post.published' : 'job_post.created', post);
    return { ok: true as const, post };
  });
}

/** Edits a draft or an open post; an open post keeps its dates. */
export async function editJobPost(
  db: Db,
  owner: JobOwner,
  id: string,
  data: JobPostData,
  options: { invitees?: string[] } = {},
): Promise<JobPostResult> {
  const invitees = await resolveInvitees(db, options.invitees ?? []);
  if (!invitees.ok) return unknownInvitees(invitees.unknown);
  return transition(db, owner, id, ['draft', 'open'], 'job_post.edited', async (tx, post) => {
    await replaceInvitations(tx, post.id, invitees.ids);
    return { ...postColumns(data), updatedAt: now() };
  });
}

/** draft → open for 30 days. */
export function publishJobPost(db: Db, owner: JobOwner, id: string): Promise<JobPostResult> {
  return transition(db, owner, id, ['draft'], 'job_post.published', async () => ({
    ...openingAt(now()),
    updatedAt: now(),
  }));
}

/** open → closed, saying whether someone was hired. */
export function closeJobPost(
  db: Db,
  owner: JobOwner,
  id: string,
  reason: 'hired' | 'not_hired',
): Promise<JobPostResult> {
  return transition(db, owner, id, ['open'], 'job_post.closed', async () => ({
    status: 'closed' as const,
    closedAt: now(),
    closeReason: reason,
    updatedAt: now(),
  }));
}

/** closed or expired → open for a fresh 30 days, the reminder cleared. */
export function reopenJobPost(db: Db, owner: JobOwner, id: string): Promise<JobPostResult> {
  return transition(db, owner, id, ['closed', 'expired'], 'job_post.reopened', async () => ({
    ...openingAt(now()),
    updatedAt: now(),
  }));
}

const STATE_WORDS: Record<JobPostStatus, string> = {
  draft: 'a draft',
  open: 'open',
  closed: 'closed',
  expired: 'expired',
};

type AuditedAction =
  | 'job_post.created'
  | 'job_post.edited'
  | 'job_post.published'
  | 'job_post.closed'
  | 'job_post.reopened';

/** One state change under the row's lock: ownership, the allowed states, the write, the audit. */
async function transition(
  db: Db,
  owner: JobOwner,
  id: string,
  from: JobPostStatus[],
  action: AuditedAction,
  change: (tx: DbOrTx, post: JobPostRow) => Promise<Partial<typeof jobPosts.$inferInsert>>,
): Promise<JobPostResult> {
  if (!(await findWorkspaceJobPost(db, owner.workspaceId, id)))
    return refuse('not-found', NOT_FOUND);
  return db.transaction(async (tx) => {
    const post = await lockWorkspaceJobPost(tx, owner.workspaceId, id);
    if (!post) return refuse('not-found', NOT_FOUND);
    if (!from.includes(post.status))
      return refuse(
        'wrong-state',
        `This job post is ${STATE_WORDS[post.status]}: it can't be changed that way now.`,
      );
    const [updated] = await tx
      .update(jobPosts)
      .set(await change(tx, post))
      .where(eq(jobPosts.id, post.id))
      .returning();
    await audit(tx, owner, action, updated);
    return { ok: true as const, post: updated };
  });
}

function audit(tx: DbOrTx, owner: JobOwner, action: AuditedAction, post: JobPostRow) {
  return recordAudit(tx, {
    actorId: owner.userId,
    action,
    targetType: 'job_post',
    targetId: post.id,
    ip: owner.ip ?? null,
    detail:
      post.closeReason && action === 'job_post.closed' ? `reason: ${post.closeReason}` : undefined,
  });
}
