import { Heading, Text } from '@react-email/components';
import { EmailLayout, emailStyles } from './layout';

export type EmailChangeNoticeProps = {
  stage: 'requested' | 'changed';
  newEmail: string;
  accountUrl: string;
};

export function emailChangeNoticeSubject(stage: EmailChangeNoticeProps['stage']): string {
  return stage === 'requested'
    ? 'Someone asked to change your Workbridge email address'
    : 'Your Workbridge email address was changed';
}

/** To the old address, when a change is asked for and when it is confirmed. */
export default function EmailChangeNoticeEmail({
  stage = 'requested',
  newEmail = 'alex.new@example.com',
  accountUrl = 'http://localhost:3000/settings/account',
}: Partial<EmailChangeNoticeProps>) {
  return (
    <EmailLayout preview={emailChangeNoticeSubject(stage)}>
      <Heading as="h1">{emailChangeNoticeSubject(stage)}</Heading>
      <Text>
        {stage === 'requested'
          ? `A request was made to move your account to ${newEmail}. Nothing changes until that address confirms it.`
          : `Your account now uses ${newEmail}. Sign-in links and notices go there from now on.`}
      </Text>
      <Text style={emailStyles.muted}>
        {stage === 'requested'
          ? `If this wasn’t you, ignore the request (it expires on its own), then sign in and choose “Sign out everywhere” at ${accountUrl}.`
          : 'If this wasn’t you, contact Workbridge support right away: whoever made the change can now sign in to your account.'}
      </Text>
    </EmailLayout>
  );
}
