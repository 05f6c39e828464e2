'use server';

import { redirect } from 'next/navigation';
import { defineAction } from '@/lib/actions/define-action';
import { postMessageSchema, startThreadSchema } from '@/lib/messages/schemas';
import { postMessage, startThread } from '@/lib/messages/service';

/**
 * A message to a thread. The thread id comes from the form, so the service checks that the
 * caller is one of its two parties (anyone else: not found, nothing written).
 */
export const postMessageAction = defineAction({
  actor: 'signed-in',
  schema: postMessageSchema,
  async handler(input, { db, actor }) {
    const result = await postMessage(
      db,
      { userId: actor.viewer.user.id, isAdmin: actor.viewer.isAdmin },
      input,
    );
    if (!result.ok) return { ok: false, message: result.message };
    redirect(`/messages/${input.threadId}#latest`);
  },
});

/**
 * The first message about a proposal or contract, which starts its thread (the pages that
 * show the empty conversation only read). The subject's id comes from the form, so the
 * service checks that the caller is one of its two parties.
 */
export const startThreadAction = defineAction({
  actor: 'signed-in',
  schema: startThreadSchema,
  async handler(input, { db, actor }) {
    const result = await startThread(
      db,
      { userId: actor.viewer.user.id, isAdmin: actor.viewer.isAdmin },
      input,
    );
    if (!result.ok) return { ok: false, message: result.message };
    redirect(`/messages/${result.threadId}#latest`);
  },
});
