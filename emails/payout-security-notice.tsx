import { Button, Heading, Text } from '@react-email/components';
import { EmailLayout, emailStyles } from './layout';

export type PayoutSecurityNoticeProps = {
  change: 'added' | 'removed';
  /** Masked: "US bank account ending 6789". Never a full number. */
  method: string;
  occurredAt: Date;
  usableFrom: Date | null;
  settingsUrl: string;
  accountUrl: string;
};

export function payoutSecurityNoticeSubject(change: PayoutSecurityNoticeProps['change']): string {
  return `Security notice: a payout method was ${change} on your Workbridge account`;
}

/** To the account email whenever a payout method is added or removed. */
export default function PayoutSecurityNoticeEmail({
  change = 'added',
  method = 'US bank account ending 6789',
  occurredAt = new Date('2026-01-01T12:00:00Z'),
  usableFrom = new Date('2026-01-04T12:00:00Z'),
  settingsUrl = 'http://localhost:3000/settings/payout',
  accountUrl = 'http://localhost:3000/settings/account',
}: Partial<PayoutSecurityNoticeProps>) {
  return (
    <EmailLayout preview={`A payout method was ${change}: ${method}`}>
      <Heading as="h1">A payout method was {change}</Heading>
      <Text>
        {change === 'added' ? 'Added' : 'Removed'}: <strong>{method}</strong>, on{' '}
        {occurredAt.toUTCString()}.
      </Text>
      {change === 'added' && usableFrom ? (
        <Text>
          For your security, it can receive withdrawals only from {usableFrom.toUTCString()}.
        </Text>
      ) : null}
      <Button href={settingsUrl} style={emailStyles.button}>
        Review your payout methods
      </Button>
      <Text style={emailStyles.muted}>
        If this wasn&rsquo;t you, sign out everywhere at {accountUrl}, sign in again with a new
        link, and {change === 'added' ? 'remove the method' : 'check your payout methods'}. Nobody
        from Workbridge will ask you for bank details by email.
      </Text>
    </EmailLayout>
  );
}
