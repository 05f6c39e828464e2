import { createElement } from 'react';
import { and, eq, gt, isNull, lte } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { jobPosts } from '@/db/schema';
import { recordAuditEntries } from '@/lib/audit/log';
import { now } from '@/lib/clock';
import { formatLongDate } from '@/lib/dates/format';
import { sendEmail } from '@/lib/email/outbox';
import { getEnv } from '@/lib/env';
import JobPostExpiringEmail from '@/emails/job-post-expiring';
import { findOwnerEmail } from './queries';

/** The reminder goes out this long before an open post expires, once per opening. */
export const EXPIRY_REMINDER_MS = 5 * 24 * 60 * 60 * 1000;

/**
 * Tick step: open posts whose 30 days are over become expired (audited, actor none).
 * Idempotent: only rows still open and past their date change, in batches.
 */
export async function expireDueJobPosts(db: Db, at: Date = now(), batchSize = 100) {
  let done = 0;
  for (;;) {
    const expired = await db.transaction(async (tx) => {
      const due = await tx
        .select({ id: jobPosts.id })
        .from(jobPosts)
        .where(and(eq(jobPosts.status, 'open'), lte(jobPosts.expiresAt, at)))
        .limit(batchSize)
        .for('update', { skipLocked: true });
      for (const { id } of due) {
        await tx
          .update(jobPosts)
          .set({ status: 'expired', updatedAt: at })
          .where(and(eq(jobPosts.id, id), eq(jobPosts.status, 'open')));
      }
      await recordAuditEntries(
        tx,
        due.map(({ id }) => ({
          actorId: null,
          action: 'job_post.expired' as const,
          targetType: 'job_post',
          targetId: id,
        })),
      );
      return due.length;
    });
    done += expired;
    if (expired < batchSize) return done;
  }
}

/**
 * Tick step: the owner's "expires in 5 days" email, once per opening
 * (`expiry_reminder_sent_at`, cleared when the post reopens), sent in the transaction that
 * marks it so a retry neither loses nor repeats it.
 */
export async function remindExpiringJobPosts(db: Db, at: Date = now(), batchSize = 100) {
  let done = 0;
  for (;;) {
    const sent = await db.transaction(async (tx) => {
      const due = await tx
        .select()
        .from(jobPosts)
        .where(
          and(
            eq(jobPosts.status, 'open'),
            isNull(jobPosts.expiryReminderSentAt),
            lte(jobPosts.expiresAt, new Date(at.getTime() + EXPIRY_REMINDER_MS)),
            gt(jobPosts.expiresAt, at),
          ),
        )
        .limit(batchSize)
        .for('update', { skipLocked: true });
      for (const post of due) {
        await tx.update(jobPosts).set({ expiryReminderSentAt: at }).where(eq(jobPosts.id, post.id));
        const to = await findOwnerEmail(tx, post.workspaceId);
        if (!to) continue;
        const expiresOn = formatLongDate(post.expiresAt!);
        await sendEmail(tx, {
          to,
          subject: `Your job post “${post.title}” expires on ${expiresOn}`,
          template: 'job-post-expiring',
          lane: 'bulk',
          element: createElement(JobPostExpiringEmail, {
            jobTitle: post.title,
            expiresOn,
            url: new URL(`/client/jobs/${post.id}`, getEnv().APP_URL).toString(),
          }),
        });
      }
      return due.length;
    });
    done += sent;
    if (sent < batchSize) return done;
  }
}
