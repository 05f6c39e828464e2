import { Button, Heading, Text } from '@react-email/components';
import { EmailLayout, emailStyles } from './layout';

export type WithdrawalScheduleChangedProps = {
  firstName: string;
  /** "Every Wednesday, when at least $100.00 is available, to PayPal (a•••@example.com)". */
  schedule: string;
  /** "Wednesday, December 9, 2026", or empty when the schedule is off. */
  nextPayout: string;
  scheduleUrl: string;
};

export const withdrawalScheduleChangedSubject = 'Your withdrawal schedule changed';

/** Sent on every change of the automatic withdrawal schedule, so a stranger's change shows. */
export default function WithdrawalScheduleChangedEmail({
  firstName = 'Alex',
  schedule = 'Every Wednesday, when at least $100.00 is available, to PayPal (a•••@example.com)',
  nextPayout = 'Wednesday, December 9, 2026',
  scheduleUrl = 'http://localhost:3000/earnings/schedule',
}: Partial<WithdrawalScheduleChangedProps>) {
  return (
    <EmailLayout preview={`Your withdrawal schedule is now: ${schedule}`}>
      <Heading as="h1">Your withdrawal schedule changed</Heading>
      <Text>
        Hi {firstName}, your automatic withdrawal schedule is now: <strong>{schedule}</strong>.
      </Text>
      {nextPayout ? <Text>The next payout day is {nextPayout}.</Text> : null}
      <Text>
        If you did not make this change, sign in, check the schedule and your payout methods, and
        contact support.
      </Text>
      <Button href={scheduleUrl} style={emailStyles.button}>
        Review your schedule
      </Button>
      <Text style={emailStyles.muted}>Or paste this address into your browser: {scheduleUrl}</Text>
    </EmailLayout>
  );
}
