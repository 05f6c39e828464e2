import { createElement } from 'react';
import type { Tx } from '@/db/client';
import { sendEmail } from '@/lib/email/outbox';
import { getEnv } from '@/lib/env';
import MoneyNoticeEmail, { type MoneyNoticeEmailProps } from '@/emails/money-notice';

/** A page of the app as an absolute link (emails always point at APP_URL). */
export const appUrl = (path: string) => new URL(path, getEnv().APP_URL).toString();

export const milestonePath = (contractId: string, milestoneId: string) =>
  `/contracts/${contractId}/milestones/${milestoneId}`;

/** One money notice (lib/milestones, bonuses), written to the outbox in the caller's transaction. */
export async function sendMoneyNotice(
  tx: Tx,
  to: string,
  template: string,
  props: Omit<MoneyNoticeEmailProps, 'url'> & { path: string },
): Promise<void> {
  const { path, ...rest } = props;
  await sendEmail(tx, {
    to,
    subject: props.heading,
    template,
    element: createElement(MoneyNoticeEmail, { ...rest, url: appUrl(path) }),
  });
}
