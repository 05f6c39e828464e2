import { Button, Heading, Text } from '@react-email/components';
import { EmailLayout, emailStyles } from './layout';

export type ConfirmEmailChangeProps = { newEmail: string; url: string; expiresAt: Date };

export const confirmEmailChangeSubject = 'Confirm your new Workbridge email address';

/** To the new address: the account email changes only when this link is used. */
export default function ConfirmEmailChangeEmail({
  newEmail = 'alex.new@example.com',
  url = 'http://localhost:3000/settings/account/confirm-email?token=preview',
  expiresAt = new Date('2026-01-01T13:00:00Z'),
}: Partial<ConfirmEmailChangeProps>) {
  return (
    <EmailLayout preview="Confirm this address for your Workbridge account">
      <Heading as="h1">Confirm your new email address</Heading>
      <Text>
        You asked to use <strong>{newEmail}</strong> for your Workbridge account. Confirm it to make
        the change; until then, sign-in links and notices go to your current address.
      </Text>
      <Button href={url} style={emailStyles.button}>
        Confirm this address
      </Button>
      <Text style={emailStyles.muted}>
        The link works once, until {expiresAt.toUTCString()}. If you did not ask for this, ignore
        this email.
      </Text>
      <Text style={emailStyles.muted}>Or paste this address into your browser: {url}</Text>
    </EmailLayout>
  );
}
