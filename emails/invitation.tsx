import { Button, Heading, Section, Text } from '@react-email/components';
import { EmailLayout, emailStyles } from './layout';
import { formatLongDate } from '@/lib/dates/format';

export type InvitationEmailProps = {
  inviterName: string;
  workspaceName: string;
  freelancerFirstName: string;
  message: string | null;
  offerTitle: string;
  payLines: string[];
  url: string;
  expiresAt: Date;
  reminder?: boolean;
};

export function invitationSubject(
  p: Pick<InvitationEmailProps, 'inviterName' | 'workspaceName' | 'reminder'>,
): string {
  const who = p.inviterName ? `${p.inviterName} of ${p.workspaceName}` : p.workspaceName;
  return p.reminder
    ? `Reminder: ${who} invited you to work together on Workbridge`
    : `${who} invited you to work together on Workbridge`;
}

/** The invitation (and its reminder): who, the offer with net pay, one button, the expiry. */
export default function InvitationEmail({
  inviterName = 'Dana Lee',
  workspaceName = 'Acme Studio',
  freelancerFirstName = 'Alex',
  message = 'Looking forward to working with you again!',
  offerTitle = 'Website redesign',
  payLines = [
    '$50.00 an hour; you receive $47.50 an hour after the 5% service fee.',
    'Up to 40 hours a week: $1,900.00 for a full week after the fee.',
  ],
  url = 'http://localhost:3000/invite/preview-token',
  expiresAt = new Date('2026-12-31T00:00:00Z'),
  reminder = false,
}: Partial<InvitationEmailProps>) {
  const who = inviterName ? `${inviterName} of ${workspaceName}` : workspaceName;
  const preview = reminder
    ? `Your invitation from ${who} expires on ${formatLongDate(expiresAt)}`
    : `${who} wants to work with you: ${offerTitle}`;
  return (
    <EmailLayout preview={preview}>
      <Heading as="h1">
        {reminder ? 'Your invitation expires soon' : `${who} invited you to Workbridge`}
      </Heading>
      <Text>Hi {freelancerFirstName},</Text>
      <Text>
        {who} would like to work with you on Workbridge, where you get paid for your work within
        days and never chase an invoice again.
      </Text>
      {message ? (
        <Section>
          <Text style={{ ...emailStyles.muted, fontStyle: 'italic' }}>
            Message from {inviterName || workspaceName}:
          </Text>
          <Text style={{ whiteSpace: 'pre-wrap' }}>{message}</Text>
        </Section>
      ) : null}
      <Section>
        <Text>
          <strong>The offer: {offerTitle}</strong>
        </Text>
        {payLines.map((line) => (
          <Text key={line} style={{ margin: '4px 0' }}>
            {line}
          </Text>
        ))}
      </Section>
      <Section>
        <Button href={url} style={emailStyles.button}>
          Review the offer
        </Button>
      </Section>
      <Text style={emailStyles.muted}>
        This invitation expires on {formatLongDate(expiresAt)}. If the link has expired, open it
        anyway: you can ask for a fresh one.
      </Text>
      <Text style={emailStyles.muted}>
        Not you, or wrong address? Ignore this email or tell {inviterName || workspaceName}.
      </Text>
    </EmailLayout>
  );
}
