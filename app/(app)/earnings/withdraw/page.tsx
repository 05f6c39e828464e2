import { randomUUID } from 'node:crypto';
import type { Metadata } from 'next';
import Link from 'next/link';
import { getDatabase } from '@/db';
import { BlockerLine } from '@/components/blocker-line';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { ConfirmStep } from '@/components/ui/confirm-step';
import { Notice } from '@/components/ui/notice';
import { PageHeader } from '@/components/ui/page-header';
import { collectFieldErrors } from '@/lib/forms';
import { centsToDollarInput, formatMoney } from '@/lib/money/money';
import { withdrawalBlockersOf } from '@/lib/withdrawals/blockers';
import { CONFIRMATION_SENT_MESSAGE } from '@/lib/withdrawals/confirmation-link';
import { findRetryDraft, listWithdrawalsOf } from '@/lib/withdrawals/history';
import { withdrawalSchema } from '@/lib/withdrawals/schemas';
import { withdrawalOverview } from '@/lib/withdrawals/service';
import { Field } from '@/components/field';
import { requireFreelancerViewer } from '../../settings/viewer';
import { WithdrawForm } from './withdraw-form';
import { WithdrawalList } from './withdrawal-list';

export const metadata: Metadata = { title: 'Withdraw', robots: { index: false } };
export const dynamic = 'force-dynamic';

const NOTICES: Record<string, string> = {
  requested:
    'Withdrawal on its way. It usually arrives within minutes; if it fails, the money comes back to your available balance and we email you.',
  paid: 'Withdrawal paid.',
  'confirmation-sent': CONFIRMATION_SENT_MESSAGE,
};

const draftSchema = withdrawalSchema.omit({ idempotencyKey: true });

type Props = {
  searchParams: Promise<{
    amount?: string;
    payoutMethodId?: string;
    notice?: string;
    /** A returned withdrawal of theirs: the form starts from its amount and method. */
    retry?: string;
    /** The list's keyset cursor (lib/withdrawals/history). */
    after?: string;
  }>;
};

/**
 * A withdrawal in two steps that work without JavaScript: the amount and method (a GET
 * form to this page), then the confirmation naming the fee and the minimum, whose button
 * posts it. Every rule is checked again by the service when it is posted.
 */
export default async function WithdrawPage({ searchParams }: Props) {
  const viewer = await requireFreelancerViewer();
  const query = await searchParams;
  const { db } = await getDatabase();
  const overview = await withdrawalOverview(db, viewer.user.id);
  const usable = overview.methods.filter((m) => m.isUsable);
  const draft = query.amount !== undefined ? draftSchema.safeParse(query) : null;
  const errors = draft && !draft.success ? collectFieldErrors(draft.error) : {};
  const chosen = draft?.success
    ? usable.find((m) => m.id === draft.data.payoutMethodId)
    : undefined;
  const notice = query.notice ? NOTICES[query.notice] : undefined;
  const timeZone = viewer.freelancerProfile?.timeZone ?? 'UTC';
  const retry = query.retry
    ? await findRetryDraft(db, viewer.user.id, query.retry, timeZone)
    : null;
  const list = await listWithdrawalsOf(db, viewer.user.id, { after: query.after, timeZone });

  const header = (
    <PageHeader
      title="Withdraw"
      back={<Link href="/earnings/transactions">← Transaction history</Link>}
      description={`Available to withdraw: ${formatMoney(overview.availableCents)}.`}
    />
  );

  if (draft?.success && chosen) {
    const amount = draft.data.amount;
    return (
      <>
        {header}
        <ConfirmStep
          question={`Withdraw ${formatMoney(amount)} to ${chosen.title}?`}
          consequences={[
            `${chosen.title} receives ${formatMoney(amount)}.`,
            `The fee for this method is ${formatMoney(chosen.feeCents)}; the minimum is ${formatMoney(chosen.minimumCents)}.`,
            `${formatMoney(amount + chosen.feeCents)} leaves your available balance of ${formatMoney(overview.availableCents)}.`,
          ]}
          cancelHref="/earnings/withdraw"
          cancelLabel="Cancel, withdraw nothing"
        >
          <WithdrawForm
            payoutMethodId={chosen.id}
            amount={centsToDollarInput(amount)}
            idempotencyKey={randomUUID()}
            label={`Withdraw ${formatMoney(amount)}`}
          />
        </ConfirmStep>
      </>
    );
  }

  // The same list as the dashboard's "Why can't I withdraw?", from what the page already read.
  const blockers = withdrawalBlockersOf(overview, { timeZone });

  return (
    <>
      {header}
      <p>
        <Link href="/earnings/schedule">Set up automatic withdrawals</Link>
      </p>
      {notice && (
        <Notice tone="success" announce>
          {notice}
        </Notice>
      )}
      {blockers.length > 0 && (
        <Notice tone="warning" title="Why you may not be able to withdraw">
          <ul>
            {blockers.map((b) => (
              <li key={b.key}>
                <BlockerLine blocker={b} />
              </li>
            ))}
          </ul>
        </Notice>
      )}
      {retry && (
        <Notice tone="info" title="Trying again">
          {`${formatMoney(retry.withdrawal.amountCents)} to ${retry.withdrawal.method} came back. ${retry.withdrawal.fix ?? ''}`}
          {!retry.payoutMethodId && ' That method was removed: choose another below.'}
        </Notice>
      )}
      {usable.length > 0 && (
        <Card title="Your withdrawal">
          <form method="get" noValidate>
            <div className="field">
              <label htmlFor="field-payoutMethodId">Payout method</label>
              <select
                id="field-payoutMethodId"
                name="payoutMethodId"
                defaultValue={
                  query.payoutMethodId ??
                  usable.find((m) => m.id === retry?.payoutMethodId)?.id ??
                  usable.find((m) => m.isDefault)?.id
                }
              >
                {usable.map((m) => (
                  <option key={m.id} value={m.id}>
                    {m.title}: fee {formatMoney(m.feeCents)}, minimum {formatMoney(m.minimumCents)}
                  </option>
                ))}
              </select>
            </div>
            <Field
              name="amount"
              label="Amount (USD)"
              hint="What the method receives; its fee is taken from your balance beside it."
              inputMode="decimal"
              defaultValue={
                query.amount ?? (retry ? centsToDollarInput(retry.withdrawal.amountCents) : '')
              }
              errors={errors.amount}
            />
            <Button>Review the withdrawal</Button>
          </form>
        </Card>
      )}
      <WithdrawalList items={list.items} nextAfter={list.nextAfter} />
    </>
  );
}
