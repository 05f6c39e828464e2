import { Button, Heading, Text } from '@react-email/components';
import { EmailLayout, emailStyles } from './layout';

export type ConfirmWithdrawalProps = {
  /** "$120.00 to PayPal (a•••@example.com)": masked, never a full number. */
  withdrawal: string;
  /** "$2.00": the fee fixed when it was asked for. */
  fee: string;
  url: string;
  expiresAt: Date;
};

export const confirmWithdrawalSubject = 'Confirm your Workbridge withdrawal';

/** Sent when a withdrawal is asked for without a sign-in in the last 30 minutes. */
export default function ConfirmWithdrawalEmail({
  withdrawal = '$120.00 to PayPal (a•••@example.com)',
  fee = '$2.00',
  url = 'http://localhost:3000/earnings/withdraw/confirm?token=preview',
  expiresAt = new Date('2026-01-01T12:30:00Z'),
}: Partial<ConfirmWithdrawalProps>) {
  return (
    <EmailLayout preview={`Confirm your withdrawal of ${withdrawal}`}>
      <Heading as="h1">Confirm your withdrawal</Heading>
      <Text>
        Someone signed in to your account asked to withdraw <strong>{withdrawal}</strong> (fee {fee}
        ). Because that sign-in is more than 30 minutes old, we need you to confirm it from your
        mailbox. Nothing has left your balance yet.
      </Text>
      <Button href={url} style={emailStyles.button}>
        Review and confirm
      </Button>
      <Text style={emailStyles.muted}>
        The link works once, until {expiresAt.toUTCString()}. If you did not ask for this, ignore
        this email: no money moves without the link. Then sign out everywhere from your account
        settings.
      </Text>
      <Text style={emailStyles.muted}>Or paste this address into your browser: {url}</Text>
    </EmailLayout>
  );
}
