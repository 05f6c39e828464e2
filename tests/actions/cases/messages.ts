import { and, eq } from 'drizzle-orm';
import { contracts, messageThreads, messages } from '@/db/schema';
import { startThread } from '@/lib/messages/service';
import { createProposal } from '@/tests/helpers/message-fixtures';
import { redirectedTo } from '@/tests/security/matrix/calls';
import type { World } from '@/tests/security/matrix/world';
import { defineActionCase, type ActionCase } from '../case';

/** The thread of the victims' contract, started by the client (again, on a repeat). */
async function victimThread(world: World) {
  const [contract] = await world.db
    .select({ id: contracts.id })
    .from(contracts)
    .where(eq(contracts.freelancerId, world.victimFreelancer.userId))
    .limit(1);
  const started = await startThread(
    world.db,
    { userId: world.victimClient.userId, isAdmin: false },
    { subject: 'contract', subjectId: contract.id, body: 'Welcome aboard' },
  );
  if (!started.ok) throw new Error(started.message);
  return { threadId: started.threadId, protect: [started.threadId] };
}

/** A new proposal of the victim freelancer to a job of the victim client: nobody wrote yet. */
async function victimProposal(world: World) {
  const { proposalId } = await createProposal(
    world.db,
    world.victimClient.inviter,
    world.victimFreelancer.userId,
  );
  return { proposalId, protect: [proposalId] };
}

/** Messages between a contract's or proposal's two parties (lib/messages). */
export const MESSAGE_CASES: Record<string, ActionCase> = {
  'app/(app)/messages/actions.ts#postMessageAction': defineActionCase({
    actor: 'signed-in',
    kind: 'owner',
    reason:
      "Only the thread's two parties (the client workspace's owner and the freelancer) may post to it; anyone else's thread id is not found and nothing is written. Ops only read a disputed contract's thread.",
    rightful: 'victimFreelancer',
    arrange: victimThread,
    form: ({ target }) => ({ threadId: target.threadId, body: 'Hello <b>there</b>' }),
    // The client side of the thread is its other party: posting is theirs too.
    others: { victimClient: 'allowed' },
    async succeeded(outcome, { world, target }) {
      expect(redirectedTo(outcome)).toBe(`/messages/${target.threadId}#latest`);
      const rows = await world.db
        .select()
        .from(messages)
        .where(
          and(
            eq(messages.threadId, target.threadId),
            eq(messages.authorId, world.victimFreelancer.userId),
          ),
        );
      expect(rows.length).toBeGreaterThan(0);
      expect(rows[rows.length - 1].body).toBe('Hello <b>there</b>');
    },
  }),
  'app/(app)/messages/actions.ts#startThreadAction': defineActionCase({
    actor: 'signed-in',
    kind: 'owner',
    reason:
      "Only a proposal's or contract's two parties may start its thread with a first message; anyone else's proposal or contract id is not found and nothing is written (no thread either). Ops never start a thread.",
    rightful: 'victimFreelancer',
    arrange: victimProposal,
    form: ({ target }) => ({
      subject: 'proposal',
      subjectId: target.proposalId,
      body: 'Hello <b>there</b>',
    }),
    // The client owns the job: the conversation is theirs to start too.
    others: { victimClient: 'allowed' },
    async succeeded(outcome, { world, target }) {
      const threads = await world.db
        .select({ id: messageThreads.id })
        .from(messageThreads)
        .where(eq(messageThreads.proposalId, target.proposalId));
      expect(threads).toHaveLength(1);
      expect(redirectedTo(outcome)).toBe(`/messages/${threads[0].id}#latest`);
      const rows = await world.db
        .select()
        .from(messages)
        .where(
          and(
            eq(messages.threadId, threads[0].id),
            eq(messages.authorId, world.victimFreelancer.userId),
          ),
        );
      expect(rows.map((r) => r.body)).toContain('Hello <b>there</b>');
    },
  }),
};
