import { Button, Heading, Section, Text } from '@react-email/components';
import { EmailLayout, emailStyles } from './layout';

export type SignInEmailProps = { url: string; expiresAt: Date };

export const signInSubject = 'Your Workbridge sign-in link';

export default function SignInEmail({
  url = 'http://localhost:3000/sign-in/confirm?token=preview&email=dana%40example.com',
  expiresAt = new Date('2026-01-01T12:15:00Z'),
}: Partial<SignInEmailProps>) {
  return (
    <EmailLayout preview="Your sign-in link for Workbridge (valid for 15 minutes)">
      <Heading as="h1">Sign in to Workbridge</Heading>
      <Text>Use the button below to sign in. The link works once and for 15 minutes.</Text>
      <Section>
        <Button href={url} style={emailStyles.button}>
          Sign in to Workbridge
        </Button>
      </Section>
      <Text style={emailStyles.muted}>
        The link expires at {expiresAt.toUTCString()}. If you did not ask to sign in, ignore this
        email: nobody can sign in without the link.
      </Text>
      <Text style={emailStyles.muted}>Or paste this address into your browser: {url}</Text>
    </EmailLayout>
  );
}
