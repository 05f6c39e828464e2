import { and, eq, gt, isNull, lte } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { clientWorkspaces, invites, users } from '@/db/schema';
import { enqueueInvitationEmail } from './emails';
import { recordInviteEvent } from './queries';
import { loadTerms } from './service';
import { issueNewLink } from './tokens';

export const REMINDER_DAYS_BEFORE_EXPIRY = 3;

/**
 * Emails every pending invite that expires within three days and has had no reminder.
 * Each invite is claimed with a guarded update, so a reminder goes out once even when two
 * workers run. We keep only token hashes, so the reminder carries a fresh link (same
 * expiry); the older link then says a newer one was sent.
 */
export async function sendDueReminders(db: Db, now = new Date()): Promise<number> {
  const horizon = new Date(now.getTime() + REMINDER_DAYS_BEFORE_EXPIRY * 24 * 60 * 60 * 1000);
  const due = await db
    .select({ id: invites.id })
    .from(invites)
    .where(
      and(
        eq(invites.status, 'pending'),
        isNull(invites.reminderSentAt),
        gt(invites.expiresAt, now),
        lte(invites.expiresAt, horizon),
      ),
    )
    .limit(500);
  let sent = 0;
  for (const { id } of due) {
    const didSend = await db.transaction(async (tx) => {
      const [invite] = await tx
        .update(invites)
        .set({ reminderSentAt: now })
        .where(
          and(eq(invites.id, id), eq(invites.status, 'pending'), isNull(invites.reminderSentAt)),
        )
        .returning();
      if (!invite) return false;
      const [context] = await tx
        .select({ inviterName: users.name, workspaceName: clientWorkspaces.name })
        .from(clientWorkspaces)
        .innerJoin(users, eq(users.id, invite.invitedById))
        .where(eq(clientWorkspaces.id, invite.workspaceId));
      const terms = await loadTerms(tx, invite.id);
      if (!terms || !context) return false;
      const token = await issueNewLink(tx, invite.id, now);
      const outboxId = await enqueueInvitationEmail(tx, {
        to: invite.email,
        token,
        inviterName: context.inviterName ?? '',
        workspaceName: context.workspaceName,
        freelancerFirstName: invite.firstName,
        message: invite.message,
        terms,
        expiresAt: invite.expiresAt,
        reminder: true,
      });
      await tx.update(invites).set({ lastOutboxId: outboxId }).where(eq(invites.id, invite.id));
      await recordInviteEvent(tx, { inviteId: invite.id, type: 'reminder_sent', actorId: null });
      return true;
    });
    if (didSend) sent++;
  }
  return sent;
}
