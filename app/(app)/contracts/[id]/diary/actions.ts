'use server';

import { redirect } from 'next/navigation';
import { defineAction } from '@/lib/actions/define-action';
import type { ActorFor } from '@/lib/actions/actor';
import {
  contractIdSchema,
  editEntrySchema,
  entryIdSchema,
  manualEntrySchema,
  startTimerSchema,
} from '@/lib/hourly/schemas';
import {
  addManualEntry,
  deleteEntry,
  editEntry,
  startTimer,
  stopTimer,
  type DiaryResult,
  type DiaryWriter,
} from '@/lib/hourly/service';

/**
 * The work diary's actions. Only the contract's freelancer writes: the service checks the
 * contract (findContractForViewer, freelancer side) and every entry id against the caller
 * from the session; the contract and entry ids in the form are only what is asked about.
 */
function writerOf(actor: ActorFor<'freelancer'>): DiaryWriter {
  return {
    userId: actor.userId,
    workspaceId: actor.viewer.workspace?.id ?? null,
    isAdmin: actor.viewer.isAdmin,
    ip: actor.ip,
  };
}

/** A refusal next to its field when it has one; success goes back to the entry's week. */
function answer(result: DiaryResult, notice: string) {
  if (!result.ok) {
    return {
      ok: false as const,
      message: result.message,
      ...(result.field ? { fieldErrors: { [result.field]: [result.message] } } : {}),
    };
  }
  redirect(`/contracts/${result.contractId}/diary?week=${result.weekStart}&notice=${notice}`);
}

export const startTimerAction = defineAction({
  actor: 'freelancer',
  schema: startTimerSchema,
  async handler(input, { db, actor }) {
    return answer(await startTimer(db, writerOf(actor), input), 'started');
  },
});

export const stopTimerAction = defineAction({
  actor: 'freelancer',
  schema: contractIdSchema,
  async handler(input, { db, actor }) {
    const result = await stopTimer(db, writerOf(actor), input);
    if (!result.ok || result.notRecorded.minutes === 0) return answer(result, 'stopped');
    // Time left out (a closed week, a pause, the ending): the diary says how much and why.
    const { minutes, closedWeeks, cutBy } = result.notRecorded;
    const left = new URLSearchParams({ skipped: String(minutes) });
    if (closedWeeks.length > 0) left.set('closed', closedWeeks.join(','));
    if (cutBy) left.set('cut', cutBy);
    return answer(result, `stopped&${left.toString()}`);
  },
});

export const addManualEntryAction = defineAction({
  actor: 'freelancer',
  schema: manualEntrySchema,
  async handler(input, { db, actor }) {
    return answer(await addManualEntry(db, writerOf(actor), input), 'added');
  },
});

export const editEntryAction = defineAction({
  actor: 'freelancer',
  schema: editEntrySchema,
  async handler(input, { db, actor }) {
    return answer(await editEntry(db, writerOf(actor), input), 'edited');
  },
});

export const deleteEntryAction = defineAction({
  actor: 'freelancer',
  schema: entryIdSchema,
  async handler(input, { db, actor }) {
    return answer(await deleteEntry(db, writerOf(actor), input), 'deleted');
  },
});
