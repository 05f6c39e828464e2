import { Button, Heading, Text } from '@react-email/components';
import { EmailLayout, emailStyles } from './layout';

export type MoneyNoticeEmailProps = {
  firstName: string;
  heading: string;
  /** What happened and what comes next, one plain paragraph each. */
  paragraphs: string[];
  actionLabel: string;
  url: string;
};

/**
 * A step of a milestone or a bonus, to the side that did not take it: funded (to the
 * freelancer), a declined payment or a funding reminder (to the client), a bonus paid.
 */
export default function MoneyNoticeEmail({
  firstName = 'Alex',
  heading = 'Milestone 1 is funded: you can start',
  paragraphs = [
    'Acme Studio funded milestone 1 of “Logo design” ($500.00). The money is held in escrow and is released to you when the client approves your work.',
  ],
  actionLabel = 'Open the milestone',
  url = 'http://localhost:3000/contracts/00000000-0000-4000-8000-000000000000/milestones/00000000-0000-4000-8000-000000000001',
}: Partial<MoneyNoticeEmailProps>) {
  return (
    <EmailLayout preview={heading}>
      <Heading as="h1">{heading}</Heading>
      <Text>{firstName ? `Hi ${firstName},` : 'Hello,'}</Text>
      {paragraphs.map((p, i) => (
        <Text key={i}>{p}</Text>
      ))}
      <Button href={url} style={emailStyles.button}>
        {actionLabel}
      </Button>
      <Text style={emailStyles.muted}>Or open this address: {url}</Text>
    </EmailLayout>
  );
}
