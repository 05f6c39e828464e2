import { Button, Heading, Text } from '@react-email/components';
import { EmailLayout, emailStyles } from './layout';

export type WithdrawalReturnedProps = {
  firstName: string;
  /** "$120.00 to PayPal (a•••@example.com)". */
  withdrawal: string;
  /** "$122.00": the amount and its fee, back in the available balance. */
  returned: string;
  /** What the provider said, and so what to fix. */
  reason: string;
  retryUrl: string;
};

export const withdrawalReturnedSubject = 'Your withdrawal did not go through: the money is back';

/** Sent once when a payout fails and its amount and fee return to the available balance. */
export default function WithdrawalReturnedEmail({
  firstName = 'Alex',
  withdrawal = '$120.00 to PayPal (a•••@example.com)',
  returned = '$122.00',
  reason = 'The receiving account refused the payout.',
  retryUrl = 'http://localhost:3000/earnings/withdraw',
}: Partial<WithdrawalReturnedProps>) {
  return (
    <EmailLayout
      preview={`Your withdrawal of ${withdrawal} failed; ${returned} is available again`}
    >
      <Heading as="h1">Your withdrawal did not go through</Heading>
      <Text>
        Hi {firstName}, your withdrawal of {withdrawal} failed. The provider said: {reason}
      </Text>
      <Text>
        <strong>{returned}</strong> (the amount and its fee) is back in your available balance.
        Check the details of the payout method in Settings, or choose another method, then try
        again.
      </Text>
      <Button href={retryUrl} style={emailStyles.button}>
        Try the withdrawal again
      </Button>
      <Text style={emailStyles.muted}>Or paste this address into your browser: {retryUrl}</Text>
    </EmailLayout>
  );
}
