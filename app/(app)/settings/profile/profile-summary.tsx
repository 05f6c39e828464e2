import { ButtonLink } from '@/components/ui/button';
import { DefinitionList } from '@/components/ui/definition-list';
import { formatMoney } from '@/lib/money/money';
import type { ProfileRow } from '@/lib/profile/queries';

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * The saved profile in short, shown instead of the open form (which invited a second,
 * needless submission); "Edit your profile" opens the form, with or without JavaScript.
 */
export function ProfileSummary({ profile }: { profile: ProfileRow }) {
  return (
    <section aria-labelledby="profile-summary-heading" className="card">
      <h2 id="profile-summary-heading">On file: your profile</h2>
      <DefinitionList
        items={[
          { label: 'Title', value: profile.title || 'Not given' },
          {
            label: 'Hourly rate',
            value:
              profile.hourlyRateCents === null ? 'Not given' : formatMoney(profile.hourlyRateCents),
          },
          {
            label: 'Skills',
            value: profile.skills.length > 0 ? profile.skills.join(', ') : 'None yet',
          },
          {
            label: 'Languages',
            value:
              profile.languages.length > 0
                ? profile.languages.map((l) => `${l.language} (${l.level})`).join(', ')
                : 'None yet',
          },
          {
            label: 'Experience',
            value: [
              count(profile.employment.length, 'job', 'jobs'),
              count(profile.education.length, 'school or course', 'schools or courses'),
              count(profile.portfolioLinks.length, 'portfolio link', 'portfolio links'),
            ].join(', '),
          },
        ]}
      />
      <p>
        <ButtonLink href="/settings/profile?edit=1#profile-form-heading" variant="secondary">
          Edit your profile
        </ButtonLink>
      </p>
    </section>
  );
}
