import type { ComponentType } from 'react';
import InvitationEmail from './invitation';
import OfferDecisionEmail from './offer-decision';
import SignInEmail from './sign-in';

/**
 * Every template with its default (preview) props, for /dev/emails. A new template is
 * added here once.
 */
export const EMAIL_PREVIEWS: Record<string, { title: string; component: ComponentType<Record<string, never>> }> = {
  'sign-in': { title: 'Sign-in link', component: SignInEmail as ComponentType<Record<string, never>> },
  invitation: { title: 'Invitation', component: InvitationEmail as ComponentType<Record<string, never>> },
  'invite-reminder': {
    title: 'Invitation reminder (3 days before expiry)',
    component: (() => InvitationEmail({ reminder: true })) as ComponentType<Record<string, never>>,
  },
  'offer-accepted': { title: 'Offer accepted (to the client)', component: OfferDecisionEmail as ComponentType<Record<string, never>> },
  'offer-declined': {
    title: 'Offer declined (to the client)',
    component: (() => OfferDecisionEmail({ decision: 'declined', reason: 'The timeline does not work for me.' })) as ComponentType<Record<string, never>>,
  },
};
