'use server';

import { redirect } from 'next/navigation';
import { z } from 'zod';
import { defineAction, type Refusal } from '@/lib/actions/define-action';
import {
  closeReasonSchema,
  createJobPostFormSchema,
  editJobPostFormSchema,
} from '@/lib/job-posts/schemas';
import {
  closeJobPost,
  createJobPost,
  editJobPost,
  publishJobPost,
  reopenJobPost,
  type JobOwner,
  type JobPostResult,
} from '@/lib/job-posts/service';
import type { ActorFor } from '@/lib/actions/actor';

const ownerOf = (actor: ActorFor<'client'>, ip: string): JobOwner => ({
  userId: actor.inviter.userId,
  workspaceId: actor.inviter.workspaceId,
  ip,
});

function refused(result: Exclude<JobPostResult, { ok: true }>): Refusal {
  return { ok: false, message: result.message, fieldErrors: result.fieldErrors };
}

export const createJobPostAction = defineAction({
  actor: 'client',
  schema: createJobPostFormSchema,
  async handler({ invitees, intent, ...post }, { db, actor, ip }) {
    const result = await createJobPost(db, ownerOf(actor, ip), post, {
      publish: intent === 'publish',
      invitees,
    });
    if (!result.ok) return refused(result);
    redirect(
      `/client/jobs/${result.post.id}?notice=${intent === 'publish' ? 'published' : 'saved'}`,
    );
  },
});

export const editJobPostAction = defineAction({
  actor: 'client',
  schema: editJobPostFormSchema,
  async handler({ invitees, jobPostId, ...post }, { db, actor, ip }) {
    const result = await editJobPost(db, ownerOf(actor, ip), jobPostId, post, { invitees });
    if (!result.ok) return refused(result);
    redirect(`/client/jobs/${jobPostId}?notice=edited`);
  },
});

const NOT_FOUND: Refusal = { ok: false, message: 'That job post was not found among yours.' };
const idSchema = z.object({ jobPostId: z.uuid() });

export const publishJobPostAction = defineAction({
  actor: 'client',
  schema: idSchema,
  onInvalid: () => NOT_FOUND,
  async handler({ jobPostId }, { db, actor, ip }) {
    const result = await publishJobPost(db, ownerOf(actor, ip), jobPostId);
    if (!result.ok) return refused(result);
    redirect(`/client/jobs/${jobPostId}?notice=published`);
  },
});

export const closeJobPostAction = defineAction({
  actor: 'client',
  schema: z.object({ jobPostId: z.uuid(), reason: closeReasonSchema }),
  async handler({ jobPostId, reason }, { db, actor, ip }) {
    const result = await closeJobPost(db, ownerOf(actor, ip), jobPostId, reason);
    if (!result.ok) return refused(result);
    redirect(`/client/jobs/${jobPostId}?notice=closed`);
  },
});

export const reopenJobPostAction = defineAction({
  actor: 'client',
  schema: idSchema,
  onInvalid: () => NOT_FOUND,
  async handler({ jobPostId }, { db, actor, ip }) {
    const result = await reopenJobPost(db, ownerOf(actor, ip), jobPostId);
    if (!result.ok) return refused(result);
    redirect(`/client/jobs/${jobPostId}?notice=reopened`);
  },
});
