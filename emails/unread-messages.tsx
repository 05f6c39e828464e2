import { Button, Heading, Text } from '@react-email/components';
import { EmailLayout, emailStyles } from './layout';

export type UnreadMessagesEmailProps = {
  subject: string;
  fromName: string;
  unread: number;
  /** The start of the newest unread message, never the whole text. */
  excerpt: string;
  url: string;
};

/** To a party with unread messages in a thread, at most once an hour (lib/messages). */
export default function UnreadMessagesEmail({
  subject = 'Website redesign',
  fromName = 'Acme',
  unread = 3,
  excerpt = 'Could you send the first mockups by Friday? We would like to…',
  url = 'http://localhost:3000/messages/00000000-0000-4000-8000-000000000000',
}: Partial<UnreadMessagesEmailProps>) {
  const headline = `${unread === 1 ? 'A new message' : `${unread} new messages`} from ${fromName}`;
  return (
    <EmailLayout preview={headline}>
      <Heading as="h1">{headline}</Heading>
      <Text>About “{subject}”:</Text>
      <Text style={emailStyles.muted}>“{excerpt}”</Text>
      <Button href={url} style={emailStyles.button}>
        Read and reply
      </Button>
      <Text style={emailStyles.muted}>Or open this address: {url}</Text>
    </EmailLayout>
  );
}
