import { Button, Heading, Text } from '@react-email/components';
import { EmailLayout, emailStyles } from './layout';

export type PaymentFailedEmailProps = {
  firstName: string;
  invoiceNumber: string;
  contractTitle: string;
  amount: string;
  /** What the payment provider said ("Your card was declined."). */
  reason: string;
  /** "Thursday, December 10, 2026, 12:05 UTC", or null when no retry is scheduled. */
  nextAttempt: string | null;
  /** "Monday, December 14, 2026, 12:05 UTC": new time pauses then while the invoice is unpaid. */
  pausesAt: string;
  billingUrl: string;
};

/** "Payment of invoice WB-001001 failed" */
export function paymentFailedSubject(p: Pick<PaymentFailedEmailProps, 'invoiceNumber'>): string {
  return `Payment of invoice ${p.invoiceNumber} failed`;
}

/**
 * To the client when charging an invoice fails: what failed and why, when it is tried
 * again, and that new time on the contract pauses a week after the first failure.
 */
export default function PaymentFailedEmail({
  firstName = 'Dana',
  invoiceNumber = 'WB-001001',
  contractTitle = 'Website redesign',
  amount = '$625.00',
  reason = 'Your card was declined.',
  nextAttempt = 'Thursday, December 10, 2026, 12:05 UTC',
  pausesAt = 'Monday, December 14, 2026, 12:05 UTC',
  billingUrl = 'http://localhost:3000/client/billing',
}: Partial<PaymentFailedEmailProps>) {
  return (
    <EmailLayout preview={`We could not charge ${amount} for invoice ${invoiceNumber}`}>
      <Heading as="h1">The payment of invoice {invoiceNumber} failed</Heading>
      <Text>Hi {firstName},</Text>
      <Text>
        We could not charge {amount} for invoice {invoiceNumber} (“{contractTitle}”). The payment
        provider said: {reason}
      </Text>
      <Text>
        {nextAttempt
          ? `We will try again on ${nextAttempt}.`
          : 'We will not try again automatically.'}{' '}
        Check your billing method or add another one. While the invoice is unpaid, new time on this
        contract pauses on {pausesAt}.
      </Text>
      <Button href={billingUrl} style={emailStyles.button}>
        Check your billing
      </Button>
      <Text style={emailStyles.muted}>Or open this address: {billingUrl}</Text>
    </EmailLayout>
  );
}
