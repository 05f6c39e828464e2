import { Button, Heading, Text } from '@react-email/components';
import { EmailLayout, emailStyles } from './layout';

export type JobPostExpiringEmailProps = {
  jobTitle: string;
  /** When it closes to new proposals, written out ("December 7, 2026"). */
  expiresOn: string;
  url: string;
};

/** To the client 5 days before an open job post expires (lib/job-posts/expiry.ts). */
export default function JobPostExpiringEmail({
  jobTitle = 'Build a booking page',
  expiresOn = 'December 7, 2026',
  url = 'http://localhost:3000/client/jobs/00000000-0000-4000-8000-000000000000',
}: Partial<JobPostExpiringEmailProps>) {
  const headline = `Your job post “${jobTitle}” expires on ${expiresOn}`;
  return (
    <EmailLayout preview={headline}>
      <Heading as="h1">{headline}</Heading>
      <Text>
        After that day freelancers can no longer find it or send proposals. If you have hired
        someone, close the post; if you are still looking, reopen it once it expires for another 30
        days.
      </Text>
      <Button href={url} style={emailStyles.button}>
        Open the job post
      </Button>
      <Text style={emailStyles.muted}>Or open this address: {url}</Text>
    </EmailLayout>
  );
}
