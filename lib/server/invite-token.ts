import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { emailOutbox, mailboxMessages } from '@/db/schema';

/**
 * The token of an invite link, read from its invitation email: only the email holds it (the
 * database keeps its hash). The worker may deliver it at any moment: the mailbox stores the
 * message before the outbox forgets its body, so reading the outbox first and then the
 * mailbox always finds it while email goes to the mailbox (the test hooks and the demo).
 */
export async function readInviteToken(db: Db, outboxId: string): Promise<string> {
  const [queued] = await db
    .select({ html: emailOutbox.html })
    .from(emailOutbox)
    .where(eq(emailOutbox.id, outboxId));
  const [delivered] = queued?.html
    ? [queued]
    : await db
        .select({ html: mailboxMessages.html })
        .from(mailboxMessages)
        .where(eq(mailboxMessages.outboxId, outboxId));
  const match = delivered?.html?.match(/\/invite\/([A-Za-z0-9_-]+)/);
  if (!match) throw new Error(`no invite link in outbox message ${outboxId}`);
  return match[1];
}
