import { AVAILABILITY_LABELS } from '@/lib/profile/availability';
import type { FullProfile, ProfileCard } from '@/lib/profile/public';

const LEVELS: Record<string, string> = {
  basic: 'Basic',
  conversational: 'Conversational',
  fluent: 'Fluent',
  native: 'Native or bilingual',
};

const formatRate = (cents: number) =>
  new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' }).format(cents / 100);

const span = (from?: string | number | null, to?: string | number | null) =>
  from ? `${from} – ${to ?? 'now'}` : to ? `until ${to}` : '';

/** Name, title, photo and country: all a signed-in stranger sees of a private profile. */
export function ProfileHeader({ profile }: { profile: ProfileCard }) {
  return (
    <header className="profile-header">
      {profile.photoPath && (
        // eslint-disable-next-line @next/next/no-img-element -- served by our own route, under the profile's visibility
        <img
          src={profile.photoPath}
          alt={`Photo of ${profile.displayName}`}
          width={120}
          height={120}
          className="profile-photo"
        />
      )}
      <div>
        <h1>{profile.displayName}</h1>
        {profile.title && <p className="profile-title">{profile.title}</p>}
        {profile.country && <p className="muted">{profile.country}</p>}
      </div>
    </header>
  );
}

/** The whole profile. Everything is rendered as text: whatever was typed stays inert. */
export function FullProfileView({ profile }: { profile: FullProfile }) {
  return (
    <article className="profile">
      <ProfileHeader profile={profile} />
      <p>
        Availability: <strong>{AVAILABILITY_LABELS[profile.availability].label}</strong>{' '}
        <span className="muted">({AVAILABILITY_LABELS[profile.availability].hint})</span>
      </p>
      {profile.hourlyRateCents !== null && <p>{formatRate(profile.hourlyRateCents)} an hour</p>}
      {profile.overview && (
        <section aria-labelledby="overview-heading">
          <h2 id="overview-heading">Overview</h2>
          <p className="pre-wrap">{profile.overview}</p>
        </section>
      )}
      {profile.skills.length > 0 && (
        <section aria-labelledby="skills-heading">
          <h2 id="skills-heading">Skills</h2>
          <ul className="tag-list">
            {profile.skills.map((s) => (
              <li key={s} className="badge">
                {s}
              </li>
            ))}
          </ul>
        </section>
      )}
      {profile.languages.length > 0 && (
        <section aria-labelledby="languages-heading">
          <h2 id="languages-heading">Languages</h2>
          <ul>
            {profile.languages.map((l) => (
              <li key={l.language}>
                {l.language}: {LEVELS[l.level] ?? l.level}
              </li>
            ))}
          </ul>
        </section>
      )}
      {profile.employment.length > 0 && (
        <section aria-labelledby="employment-heading">
          <h2 id="employment-heading">Employment history</h2>
          <ul>
            {profile.employment.map((j, i) => (
              <li key={i}>
                <strong>{j.title}</strong>, {j.company}{' '}
                <span className="muted">({span(j.from, j.to)})</span>
              </li>
            ))}
          </ul>
        </section>
      )}
      {profile.education.length > 0 && (
        <section aria-labelledby="education-heading">
          <h2 id="education-heading">Education</h2>
          <ul>
            {profile.education.map((e, i) => (
              <li key={i}>
                {e.degree ? `${e.degree}, ` : ''}
                {e.school}{' '}
                {span(e.from, e.to) && <span className="muted">({span(e.from, e.to)})</span>}
              </li>
            ))}
          </ul>
        </section>
      )}
      {profile.portfolioLinks.length > 0 && (
        <section aria-labelledby="portfolio-heading">
          <h2 id="portfolio-heading">Portfolio</h2>
          <ul>
            {profile.portfolioLinks.map((href) => (
              <li key={href}>
                <a href={href} rel="nofollow noopener noreferrer ugc">
                  {href}
                </a>
              </li>
            ))}
          </ul>
        </section>
      )}
    </article>
  );
}
