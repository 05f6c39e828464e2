'use server';

import { redirect } from 'next/navigation';
import { z } from 'zod';
import { defineAction, type ActionState, type Refusal } from '@/lib/actions/define-action';
import { failure, formValues } from '@/lib/forms';
import { addMilestoneRow, MILESTONE_BUTTON } from '@/lib/invites/milestone-rows';
import { sendBulkInvites, checkBulkInvites, BULK_MAX_BYTES } from '@/lib/invites/bulk';
import {
  changeEmailSchema,
  inviteIdSchema,
  inviteSchema,
  offerSchema,
} from '@/lib/invites/schemas';
import { createInvite, type InviteResult } from '@/lib/invites/service';
import { changeInviteEmail, editOffer, resendInvite, revokeInvite } from '@/lib/invites/manage';
import type { BulkReportRow } from '@/lib/invites/bulk';

function refusedInvite(result: Exclude<InviteResult, { ok: true }>): Refusal {
  if (result.reason === 'duplicate') {
    return {
      ok: false,
      message: result.message,
      fieldErrors: { email: ['You already have a pending invite to this address.'] },
      link: {
        href: `/client/invites/${result.existingInviteId}`,
        label: 'Open the existing invite',
      },
    };
  }
  return { ok: false, message: result.message };
}

export const createInviteAction = defineAction({
  actor: 'client',
  schema: inviteSchema,
  extraFields: MILESTONE_BUTTON,
  answerEarly: addMilestoneRow,
  async handler(input, { db, actor, ip }) {
    const result = await createInvite(db, { inviter: actor.inviter, input, ip });
    if (!result.ok) return refusedInvite(result);
    redirect(`/client/invites/${result.inviteId}?notice=sent`);
  },
});

export const editOfferAction = defineAction({
  actor: 'client',
  schema: z.object({ inviteId: z.uuid(), offer: offerSchema }),
  extraFields: MILESTONE_BUTTON,
  answerEarly: addMilestoneRow,
  async handler({ inviteId, offer }, { db, actor }) {
    const result = await editOffer(db, { inviter: actor.inviter, inviteId, offer });
    if (!result.ok) return refusedInvite(result);
    redirect(`/client/invites/${inviteId}?notice=edited`);
  },
});

const INVITE_NOT_FOUND: Refusal = { ok: false, message: 'We could not find that invite.' };

export const resendInviteAction = defineAction({
  actor: 'client',
  schema: inviteIdSchema,
  onInvalid: () => INVITE_NOT_FOUND,
  async handler({ inviteId }, { db, actor, ip }) {
    const result = await resendInvite(db, { inviter: actor.inviter, inviteId, ip });
    if (!result.ok) return refusedInvite(result);
    redirect(`/client/invites/${inviteId}?notice=resent`);
  },
});

export const revokeInviteAction = defineAction({
  actor: 'client',
  schema: inviteIdSchema,
  onInvalid: () => INVITE_NOT_FOUND,
  async handler({ inviteId }, { db, actor, ip }) {
    const result = await revokeInvite(db, { inviter: actor.inviter, inviteId, ip });
    if (!result.ok) return refusedInvite(result);
    redirect(`/client/invites/${inviteId}?notice=revoked`);
  },
});

export const changeInviteEmailAction = defineAction({
  actor: 'client',
  schema: changeEmailSchema,
  async handler({ inviteId, email }, { db, actor, ip }) {
    const result = await changeInviteEmail(db, { inviter: actor.inviter, inviteId, email, ip });
    if (!result.ok) return refusedInvite(result);
    redirect(`/client/invites/${inviteId}?notice=email-changed`);
  },
});

type BulkReport = { rows?: BulkReportRow[]; toSend?: number; sent?: number; csv?: string };
/** The bulk form's state: the report comes back with a refusal (nothing is sent yet). */
export type BulkState = ActionState<object, BulkReport>;

const bulkSchema = z.object({ offer: offerSchema });

/** Step one checks every row and shows the report; step two (confirm) sends. */
export const bulkInviteAction = defineAction<'client', typeof bulkSchema, object, BulkReport>({
  actor: 'client',
  schema: bulkSchema,
  extraFields: ['csv', ...MILESTONE_BUTTON],
  files: ['csvFile'],
  answerEarly: addMilestoneRow,
  async handler({ offer }, { db, actor, ip, formData }) {
    const file = formData.get('csvFile');
    let csv = String(formData.get('csv') ?? '');
    if (file instanceof File && file.size > 0) {
      if (file.size > BULK_MAX_BYTES) {
        return {
          ok: false,
          message: 'That file is larger than 1 MB. Split it into lists of at most 500 people.',
        };
      }
      csv = await file.text();
    }
    const confirmed = formData.get('intent') === 'send';
    const report = confirmed
      ? await sendBulkInvites(db, { inviter: actor.inviter, csv, offer, ip })
      : await checkBulkInvites(db, { inviter: actor.inviter, csv, offer });
    const values = { ...formValues(formData), csv };
    if (!report.ok) return { ...failure(report.message, { csv: [report.message] }), values };
    if (confirmed) redirect(`/client?notice=bulk-sent&count=${report.toSend}`);
    return {
      ok: false,
      message: `${report.toSend} will be sent, ${report.skipped} skipped. Nothing has been sent yet: check the list, then confirm.`,
      fieldErrors: {},
      values,
      rows: report.rows,
      toSend: report.toSend,
      csv,
    };
  },
});
