'use client';

import { useActionState } from 'react';
import { TextAreaField } from '@/components/form-controls';
import { FieldError } from '@/components/field';
import { FormMessage } from '@/components/form-message';
import { SubmitButton } from '@/components/submit-button';
import { approveInvoiceAction, openDisputeAction } from './actions';

export type ReviewDay = {
  workDate: string;
  label: string;
  hours: string;
  /** position: the entry's place in the week, naming its checkbox (entryIds.N). */
  entries: {
    id: string;
    position: number;
    time: string;
    memo: string;
    hours: string;
    amount: string;
    /** False for time over the weekly limit: not billed, so nothing to dispute. */
    billed: boolean;
  }[];
};

/** The confirmation step's button: posts the approval (the action checks everything again). */
export function ApproveForm({ contractId, invoiceId }: { contractId: string; invoiceId: string }) {
  const [state, approve] = useActionState(approveInvoiceAction, null);
  return (
    <form action={approve}>
      <FormMessage state={state} />
      <input type="hidden" name="contractId" value={contractId} />
      <input type="hidden" name="invoiceId" value={invoiceId} />
      <SubmitButton pendingLabel="Approving…">Approve now</SubmitButton>
    </form>
  );
}

/**
 * The week's entries by day, each with a checkbox (entryIds.N), and the reason. Without
 * JavaScript a refusal comes back with the boxes and the reason as they were.
 */
export function DisputeForm({
  contractId,
  invoiceId,
  days,
  canDispute,
}: {
  contractId: string;
  invoiceId: string;
  days: ReviewDay[];
  canDispute: boolean;
}) {
  const [state, dispute] = useActionState(openDisputeAction, null);
  const values = state && !state.ok ? state.values : undefined;
  const errors = state && !state.ok ? state.fieldErrors : {};
  return (
    <form action={dispute}>
      <FormMessage state={state} />
      <input type="hidden" name="contractId" value={contractId} />
      <input type="hidden" name="invoiceId" value={invoiceId} />
      {days.map((day) => (
        <fieldset key={day.workDate} className="review-day">
          <legend>
            {day.label}: {day.hours}
          </legend>
          <ul className="review-entries">
            {day.entries.map((entry) => {
              const name = `entryIds.${entry.position}`;
              const id = `entry-${entry.id}`;
              const text = entry.billed
                ? `${entry.time}, ${entry.hours}, ${entry.amount}: ${entry.memo || 'no memo'}`
                : `${entry.time}, over the limit, not billed: ${entry.memo || 'no memo'}`;
              return (
                <li key={entry.id}>
                  {canDispute && entry.billed ? (
                    <>
                      <input
                        type="checkbox"
                        id={id}
                        name={name}
                        value={entry.id}
                        defaultChecked={values?.[name] === entry.id}
                      />{' '}
                      <label htmlFor={id}>{text}</label>
                    </>
                  ) : (
                    text
                  )}
                </li>
              );
            })}
          </ul>
        </fieldset>
      ))}
      {canDispute && (
        <>
          <FieldError errors={errors.entryIds} />
          <TextAreaField
            name="reason"
            label="Why do you dispute these entries?"
            hint="The freelancer reads this. Up to 2000 characters."
            maxLength={2000}
            rows={4}
            required
            defaultValue={values?.reason}
            errors={errors.reason}
          />
          <SubmitButton pendingLabel="Sending…">Dispute the chosen entries</SubmitButton>
        </>
      )}
    </form>
  );
}
