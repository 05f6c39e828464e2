import {
  complianceRequirement,
  describeRequirement,
  QUESTIONNAIRE_WEEKLY_HOURS,
  type ClientType,
  type ComplianceRequirement,
} from './rule';

/** The offer as the form holds it while the client types: strings, possibly half-filled. */
export type OfferDraft = { kind?: string | null; weeklyLimit?: string | number | null };

/**
 * A weekly limit as typed. Blank means "no limit" (as in the offer schema); anything that
 * is not a whole number also counts as no limit, so an unfinished value never hides a check.
 */
function weeklyLimitOf(value: OfferDraft['weeklyLimit']): number | null {
  if (typeof value === 'number') return Number.isInteger(value) ? value : null;
  const text = (value ?? '').trim();
  return /^\d{1,3}$/.test(text) ? Number(text) : null;
}

/**
 * What the invitee will be asked for, for the offer form: the requirement and one sentence
 * addressed to the client. Without a draft (no JavaScript, before typing) the rule for
 * this client type is described instead.
 */
export function offerComplianceNote(
  clientType: ClientType,
  draft?: OfferDraft,
): { requirement: ComplianceRequirement | null; text: string } {
  if (clientType === 'enterprise' || draft?.kind === 'hourly' || draft?.kind === 'fixed') {
    const requirement = complianceRequirement({
      clientType,
      contract:
        draft?.kind === 'fixed'
          ? { kind: 'fixed' }
          : { kind: 'hourly', weeklyLimitHours: weeklyLimitOf(draft?.weeklyLimit) },
    });
    return { requirement, text: describeRequirement(requirement, 'client') };
  }
  return {
    requirement: null,
    text: `Hourly contracts with no weekly limit, or a limit of ${QUESTIONNAIRE_WEEKLY_HOURS} hours or more, need a short compliance questionnaire before they start; other contracts need no check.`,
  };
}
