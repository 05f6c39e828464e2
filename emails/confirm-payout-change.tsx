import { Button, Heading, Text } from '@react-email/components';
import { EmailLayout, emailStyles } from './layout';

export type ConfirmPayoutChangeProps = {
  /** "Add a US bank account ending 6789": masked, never a full number. */
  change: string;
  url: string;
  expiresAt: Date;
};

export const confirmPayoutChangeSubject = 'Confirm the change to your Workbridge payout methods';

/** Sent when a payout change is asked for without a sign-in in the last 30 minutes. */
export default function ConfirmPayoutChangeEmail({
  change = 'Add a US bank account ending 6789',
  url = 'http://localhost:3000/settings/confirm?token=preview',
  expiresAt = new Date('2026-01-01T12:30:00Z'),
}: Partial<ConfirmPayoutChangeProps>) {
  return (
    <EmailLayout preview={`Confirm: ${change}`}>
      <Heading as="h1">Confirm a change to your payout methods</Heading>
      <Text>
        Someone signed in to your account asked to: <strong>{change}</strong>. Because that sign-in
        is more than 30 minutes old, we need you to confirm it from your mailbox.
      </Text>
      <Button href={url} style={emailStyles.button}>
        Review and confirm
      </Button>
      <Text style={emailStyles.muted}>
        The link works once, until {expiresAt.toUTCString()}. If you did not ask for this, ignore
        this email: nothing changes without the link. Then sign out everywhere from your account
        settings.
      </Text>
      <Text style={emailStyles.muted}>Or paste this address into your browser: {url}</Text>
    </EmailLayout>
  );
}
