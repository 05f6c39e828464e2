import Link from 'next/link';
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
      <dl className="facts">
        <div>
          <dt>Title</dt>
          <dd>{profile.title || 'Not given'}</dd>
        </div>
        <div>
          <dt>Hourly rate</dt>
          <dd>
            {profile.hourlyRateCents === null ? 'Not given' : formatMoney(profile.hourlyRateCents)}
          </dd>
        </div>
        <div>
          <dt>Skills</dt>
          <dd>{profile.skills.length > 0 ? profile.skills.join(', ') : 'None yet'}</dd>
        </div>
        <div>
          <dt>Languages</dt>
          <dd>
            {profile.languages.length > 0
              ? profile.languages.map((l) => `${l.language} (${l.level})`).join(', ')
              : 'None yet'}
          </dd>
        </div>
        <div>
          <dt>Experience</dt>
          <dd>
            {count(profile.employment.length, 'job', 'jobs')},{' '}
            {count(profile.education.length, 'school or course', 'schools or courses')},{' '}
            {count(profile.portfolioLinks.length, 'portfolio link', 'portfolio links')}
          </dd>
        </div>
      </dl>
      <p>
        <Link href="/settings/profile?edit=1#profile-form-heading" className="button secondary">
          Edit your profile
        </Link>
      </p>
    </section>
  );
}
