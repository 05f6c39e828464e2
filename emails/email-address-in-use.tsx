import { Heading, Text } from '@react-email/components';
import { EmailLayout, emailStyles } from './layout';

export type EmailAddressInUseProps = { email: string; signInUrl: string };

export const emailAddressInUseSubject = 'Someone tried to use your email address on Workbridge';

/**
 * To the owner of an address that another account asked to move to. The form answers the
 * asker exactly as when the address is free (it never says whether an address has an
 * account); the owner learns it here instead.
 */
export default function EmailAddressInUseEmail({
  email = 'alex@example.com',
  signInUrl = 'http://localhost:3000/sign-in',
}: Partial<EmailAddressInUseProps>) {
  return (
    <EmailLayout preview={emailAddressInUseSubject}>
      <Heading as="h1">{emailAddressInUseSubject}</Heading>
      <Text>
        Someone signed in to another Workbridge account asked to move that account to {email}. This
        address already belongs to your account, so nothing changed: your account, its sign-in links
        and its notices stay as they are.
      </Text>
      <Text>
        If that was you, for example from a second account, sign in with this address instead:{' '}
        {signInUrl}
      </Text>
      <Text style={emailStyles.muted}>
        If it wasn’t you, there is nothing to do; no one can take over this address without opening
        the links we send to it.
      </Text>
    </EmailLayout>
  );
}
