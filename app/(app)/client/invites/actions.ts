'use server';

import { redirect } from 'next/navigation';
import { z } from 'zod';
import { getDatabase } from '@/db';
import { loadClient } from '@/lib/auth/session';
import { formDataToObject } from '@/lib/forms-data';
import {
  NOT_A_FORM,
  isForm,
  failure,
  formValues,
  invalid,
  refuseNulCharacters,
  type FormState,
} from '@/lib/forms';
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
import { clientIp } from '@/lib/server/request';

const SIGNED_OUT =
  'Your session has ended, or this account has no client workspace. Please sign in again.';

/** "Add another milestone" without JavaScript: echo the form back with one more row. */
function addMilestoneRow(formData: FormData): FormState | null {
  if (formData.get('intent') !== 'add-milestone') return null;
  const values = formValues(formData);
  values.milestoneRows = String(Math.min(10, Number(values.milestoneRows ?? 1) + 1));
  values['offer.kind'] = 'fixed';
  return { ok: false, message: '', fieldErrors: {}, values };
}

function fromResult(result: InviteResult, formData: FormData): FormState {
  if (result.ok) return { ok: true };
  if (result.reason === 'duplicate') {
    return {
      ok: false,
      message: result.message,
      fieldErrors: { email: ['You already have a pending invite to this address.'] },
      values: formValues(formData),
      link: {
        href: `/client/invites/${result.existingInviteId}`,
        label: 'Open the existing invite',
      },
    };
  }
  return { ...failure(result.message), values: formValues(formData) };
}

export async function createInviteAction(_prev: FormState, formData: FormData): Promise<FormState> {
  if (!isForm(formData)) return NOT_A_FORM;
  const client = await loadClient();
  if (!client) return failure(SIGNED_OUT);
  const unstorable = refuseNulCharacters(formData);
  if (unstorable) return unstorable;
  const more = addMilestoneRow(formData);
  if (more) return more;
  const parsed = inviteSchema.safeParse(formDataToObject(formData));
  if (!parsed.success) return invalid(parsed.error, formData);
  const { db } = await getDatabase();
  const result = await createInvite(db, {
    inviter: client.inviter,
    input: parsed.data,
    ip: await clientIp(),
  });
  if (!result.ok) return fromResult(result, formData);
  redirect(`/client/invites/${result.inviteId}?notice=sent`);
}

const editSchema = z.object({ inviteId: z.uuid(), offer: offerSchema });

export async function editOfferAction(_prev: FormState, formData: FormData): Promise<FormState> {
  if (!isForm(formData)) return NOT_A_FORM;
  const client = await loadClient();
  if (!client) return failure(SIGNED_OUT);
  const unstorable = refuseNulCharacters(formData);
  if (unstorable) return unstorable;
  const more = addMilestoneRow(formData);
  if (more) return more;
  const parsed = editSchema.safeParse(formDataToObject(formData));
  if (!parsed.success) return invalid(parsed.error, formData);
  const { db } = await getDatabase();
  const result = await editOffer(db, {
    inviter: client.inviter,
    inviteId: parsed.data.inviteId,
    offer: parsed.data.offer,
  });
  if (!result.ok) return fromResult(result, formData);
  redirect(`/client/invites/${parsed.data.inviteId}?notice=edited`);
}

async function simpleInviteAction(
  formData: FormData,
  run: (inviteId: string) => Promise<InviteResult>,
  notice: string,
): Promise<FormState> {
  const parsed = inviteIdSchema.safeParse({ inviteId: formData.get('inviteId') });
  if (!parsed.success) return failure('We could not find that invite.');
  const result = await run(parsed.data.inviteId);
  if (!result.ok) return fromResult(result, formData);
  redirect(`/client/invites/${parsed.data.inviteId}?notice=${notice}`);
}

export async function resendInviteAction(_prev: FormState, formData: FormData): Promise<FormState> {
  if (!isForm(formData)) return NOT_A_FORM;
  const client = await loadClient();
  if (!client) return failure(SIGNED_OUT);
  const { db } = await getDatabase();
  const ip = await clientIp();
  return simpleInviteAction(
    formData,
    (id) => resendInvite(db, { inviter: client.inviter, inviteId: id, ip }),
    'resent',
  );
}

export async function revokeInviteAction(_prev: FormState, formData: FormData): Promise<FormState> {
  if (!isForm(formData)) return NOT_A_FORM;
  const client = await loadClient();
  if (!client) return failure(SIGNED_OUT);
  const { db } = await getDatabase();
  const ip = await clientIp();
  return simpleInviteAction(
    formData,
    (id) => revokeInvite(db, { inviter: client.inviter, inviteId: id, ip }),
    'revoked',
  );
}

export async function changeInviteEmailAction(
  _prev: FormState,
  formData: FormData,
): Promise<FormState> {
  if (!isForm(formData)) return NOT_A_FORM;
  const client = await loadClient();
  if (!client) return failure(SIGNED_OUT);
  const parsed = changeEmailSchema.safeParse({
    inviteId: formData.get('inviteId'),
    email: formData.get('email'),
  });
  if (!parsed.success) return invalid(parsed.error, formData);
  const { db } = await getDatabase();
  const result = await changeInviteEmail(db, {
    inviter: client.inviter,
    inviteId: parsed.data.inviteId,
    email: parsed.data.email,
    ip: await clientIp(),
  });
  if (!result.ok) return fromResult(result, formData);
  redirect(`/client/invites/${parsed.data.inviteId}?notice=email-changed`);
}

export type BulkState = FormState<{
  rows?: BulkReportRow[];
  toSend?: number;
  sent?: number;
  csv?: string;
}>;

const bulkSchema = z.object({ offer: offerSchema });

/** Step one checks every row and shows the report; step two (confirm) sends. */
export async function bulkInviteAction(_prev: FormState, formData: FormData): Promise<BulkState> {
  if (!isForm(formData)) return NOT_A_FORM;
  const client = await loadClient();
  if (!client) return failure(SIGNED_OUT);
  const unstorable = refuseNulCharacters(formData);
  if (unstorable) return unstorable;
  const more = addMilestoneRow(formData);
  if (more) return more;
  const file = formData.get('csvFile');
  let csv = String(formData.get('csv') ?? '');
  if (file instanceof File && file.size > 0) {
    if (file.size > BULK_MAX_BYTES) {
      return {
        ...failure('That file is larger than 1 MB. Split it into lists of at most 500 people.'),
        values: formValues(formData),
      };
    }
    csv = await file.text();
  }
  const parsed = bulkSchema.safeParse(formDataToObject(formData));
  if (!parsed.success) return invalid(parsed.error, formData);
  const { db } = await getDatabase();
  const confirmed = formData.get('intent') === 'send';
  const report = confirmed
    ? await sendBulkInvites(db, {
        inviter: client.inviter,
        csv,
        offer: parsed.data.offer,
        ip: await clientIp(),
      })
    : await checkBulkInvites(db, { inviter: client.inviter, csv, offer: parsed.data.offer });
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
  } as BulkState;
}
