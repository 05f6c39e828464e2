import { Button, Heading, Text } from '@react-email/components';
import { EmailLayout, emailStyles } from './layout';

export type InvoiceIssuedEmailProps = {
  /** Who reads it: the client is charged the total; the freelancer is paid the net. */
  side: 'client' | 'freelancer';
  firstName: string;
  /** The other side's name, as the reader knows them. */
  otherPartyName: string;
  contractTitle: string;
  invoiceNumber: string;
  /** "Nov 30 – Dec 6, 2026 (2026-W49)", in UTC as the week is. */
  weekLabel: string;
  /** "12.5 hours", the billable time. */
  hours: string;
  total: string;
  fee: string;
  net: string;
  /** "Friday, December 11, 2026, 23:59 UTC": the last moment of the client's review. */
  reviewEnds: string;
  url: string;
};

/** "Invoice WB-001001 for “Website redesign”, week 2026-W49" */
export function invoiceIssuedSubject(
  p: Pick<InvoiceIssuedEmailProps, 'invoiceNumber' | 'contractTitle' | 'weekLabel'>,
): string {
  return `Invoice ${p.invoiceNumber} for “${p.contractTitle}”, ${p.weekLabel}`;
}

/**
 * To both sides of an hourly contract when last week is invoiced (Monday 12:00 UTC): the
 * client learns what is charged and until when they can review; the freelancer what they
 * will be paid and when the review ends.
 */
export default function InvoiceIssuedEmail({
  side = 'client',
  firstName = 'Dana',
  otherPartyName = 'Alex Kim',
  contractTitle = 'Website redesign',
  invoiceNumber = 'WB-001001',
  weekLabel = 'Nov 30 – Dec 6, 2026 (2026-W49)',
  hours = '12.5 hours',
  total = '$625.00',
  fee = '$62.50',
  net = '$562.50',
  reviewEnds = 'Friday, December 11, 2026, 23:59 UTC',
  url = 'http://localhost:3000/invoices/00000000-0000-4000-8000-000000000000',
}: Partial<InvoiceIssuedEmailProps>) {
  const isClient = side === 'client';
  return (
    <EmailLayout preview={`Invoice ${invoiceNumber}: ${hours} on “${contractTitle}”`}>
      <Heading as="h1">Invoice {invoiceNumber}</Heading>
      <Text>Hi {firstName},</Text>
      {isClient ? (
        <Text>
          {otherPartyName} worked {hours} on “{contractTitle}” in the week {weekLabel}. The total of{' '}
          {total} is charged to your billing method now and held in review: you can approve it, or
          dispute entries, until {reviewEnds}. After that it is paid to {otherPartyName}.
        </Text>
      ) : (
        <Text>
          Your {hours} on “{contractTitle}” for {otherPartyName} in the week {weekLabel} are
          invoiced: {total}, less the service fee of {fee}, pays you {net}. The client reviews the
          week until {reviewEnds}; the undisputed amount is released to you then.
        </Text>
      )}
      <Button href={url} style={emailStyles.button}>
        View the invoice
      </Button>
      <Text style={emailStyles.muted}>Or open this address: {url}</Text>
    </EmailLayout>
  );
}
