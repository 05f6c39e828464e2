import { randomUUID } from 'node:crypto';
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { z } from 'zod';
import { getDatabase } from '@/db';
import { Field } from '@/components/field';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { ConfirmStep } from '@/components/ui/confirm-step';
import { Notice } from '@/components/ui/notice';
import { PageHeader } from '@/components/ui/page-header';
import { requireViewer } from '@/lib/auth/session';
import { listBillingMethods } from '@/lib/billing/service';
import { findContractForViewer } from '@/lib/contracts/access';
import { collectFieldErrors } from '@/lib/forms';
import { bonusDraftSchema } from '@/lib/milestones/schemas';
import { BONUS_CLOSED_MESSAGE, canPayBonus } from '@/lib/milestones/bonus';
import { centsToDollarInput, formatMoney, formatPercent, feeCents } from '@/lib/money/money';
import { PayBonusForm } from './pay-form';

export const metadata: Metadata = { title: 'Pay a bonus', robots: { index: false } };
export const dynamic = 'force-dynamic';

const NOTICES: Record<string, string> = {
  processing:
    'Payment processing: your bonus reaches the freelancer once your card’s payment settles, usually within minutes. We email them then.',
  paid: 'Bonus paid. We emailed the freelancer.',
};

type Props = {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ amount?: string; message?: string; notice?: string }>;
};

/**
 * A bonus in two steps that work without JavaScript: the amount and message (a GET form
 * to this page), then the confirmation, whose button posts the payment.
 */
export default async function BonusPage({ params, searchParams }: Props) {
  const { id } = await params;
  if (!z.uuid().safeParse(id).success) notFound();
  const query = await searchParams;
  const viewer = await requireViewer();
  const { db } = await getDatabase();
  const found = await findContractForViewer(db, id, {
    userId: viewer.user.id,
    workspaceId: viewer.workspace?.id ?? null,
    isAdmin: false,
  });
  if (!found || found.side !== 'client') notFound();
  const { contract } = found;
  const card = (await listBillingMethods(db, contract.workspaceId)).find((m) => m.isDefault);
  const notice = query.notice ? NOTICES[query.notice] : undefined;
  const asked = query.amount !== undefined;
  const draft = asked ? bonusDraftSchema.safeParse(query) : null;
  const errors = draft && !draft.success ? collectFieldErrors(draft.error) : {};
  const back = `/contracts/${contract.id}`;

  const header = (
    <PageHeader
      title="Pay a bonus"
      back={<Link href={back}>← {contract.title}</Link>}
      description="Any amount, on top of the contract: charged to your default card and paid straight to the freelancer."
    />
  );
  if (!canPayBonus(contract.status)) {
    return (
      <>
        {header}
        <Notice tone="warning">{BONUS_CLOSED_MESSAGE}</Notice>
      </>
    );
  }
  if (!card) {
    return (
      <>
        {header}
        <Notice tone="warning">
          Bonuses are charged to your default card.{' '}
          <Link href="/client/billing">Add a billing method</Link> first.
        </Notice>
      </>
    );
  }
  if (draft?.success) {
    const { amount, message } = draft.data;
    const fee = feeCents(amount, contract.feeBps);
    return (
      <>
        {header}
        <ConfirmStep
          question={`Pay a bonus of ${formatMoney(amount, contract.currency)} on “${contract.title}”?`}
          consequences={[
            `${card.title} is charged ${formatMoney(amount, contract.currency)}; a bonus cannot be taken back.`,
            `The freelancer receives ${formatMoney(amount - fee, contract.currency)} after the ${formatPercent(contract.feeBps)} service fee, available to them 5 days later.`,
            message ? `They get your message by email: “${message}”` : 'They are told by email.',
          ]}
          cancelHref={back}
          cancelLabel="Cancel, pay nothing"
        >
          <PayBonusForm
            contractId={contract.id}
            requestId={randomUUID()}
            amount={centsToDollarInput(amount)}
            message={message}
            label={`Pay ${formatMoney(amount, contract.currency)}`}
          />
        </ConfirmStep>
      </>
    );
  }
  return (
    <>
      {header}
      {notice && (
        <Notice tone="success" announce>
          {notice}
        </Notice>
      )}
      <Card title="Your bonus">
        <form method="get" noValidate>
          <Field
            name="amount"
            label="Amount (USD)"
            hint="At least $1."
            inputMode="decimal"
            defaultValue={query.amount ?? ''}
            errors={errors.amount}
          />
          <Field
            name="message"
            label="Message to the freelancer (optional)"
            defaultValue={query.message ?? ''}
            errors={errors.message}
          />
          <Button>Review the bonus</Button>
        </form>
      </Card>
    </>
  );
}
