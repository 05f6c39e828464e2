import { and, eq } from 'drizzle-orm';
import { contracts, messages } from '@/db/schema';
import { openThreadOf } from '@/lib/messages/service';
import { redirectedTo } from '@/tests/security/matrix/calls';
import type { World } from '@/tests/security/matrix/world';
import { defineActionCase, type ActionCase } from '../case';

/** The thread of the victims' contract, opened by the freelancer. */
async function victimThread(world: World) {
  const [contract] = await world.db
    .select({ id: contracts.id })
    .from(contracts)
    .where(eq(contracts.freelancerId, world.victimFreelancer.userId))
    .limit(1);
  const opened = await openThreadOf(
    world.db,
    { userId: world.victimFreelancer.userId, isAdmin: false },
    { kind: 'contract', id: contract.id },
  );
  if (!opened.ok) throw new Error(opened.message);
  return { threadId: opened.threadId, protect: [opened.threadId] };
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
};
