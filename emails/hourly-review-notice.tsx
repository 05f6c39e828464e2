import { Button, Heading, Text } from '@react-email/components';
import { EmailLayout, emailStyles } from './layout';

export type HourlyReviewNoticeEmailProps = {
  heading: string;
  firstName: string;
  /** What happened and what comes next, one paragraph each. */
  paragraphs: string[];
  buttonLabel: string;
  url: string;
};

/**
 * Every step of an hourly week's review to the other side: the client approved early, a
 * dispute was opened, the freelancer answered, ops decided, an answer's deadline passed.
 */
export default function HourlyReviewNoticeEmail({
  heading = 'Dana Lee disputed time on “Website redesign”',
  firstName = 'Alex',
  paragraphs = [
    'Dana Lee disputed 3 entries ($150.00) of the week 2026-W49: “These hours were not agreed.”',
    'Answer by Friday, December 11, 2026, 12:00 UTC: refund all, refund part, or reject. Without an answer the disputed amount goes back to the client. New time on the contract is paused until the dispute is resolved.',
  ],
  buttonLabel = 'Answer the dispute',
  url = 'http://localhost:3000/contracts/00000000-0000-4000-8000-000000000000/disputes/00000000-0000-4000-8000-000000000001',
}: Partial<HourlyReviewNoticeEmailProps>) {
  return (
    <EmailLayout preview={heading}>
      <Heading as="h1">{heading}</Heading>
      <Text>Hi {firstName},</Text>
      {paragraphs.map((paragraph) => (
        <Text key={paragraph}>{paragraph}</Text>
      ))}
      <Button href={url} style={emailStyles.button}>
        {buttonLabel}
      </Button>
      <Text style={emailStyles.muted}>Or open this address: {url}</Text>
    </EmailLayout>
  );
}
