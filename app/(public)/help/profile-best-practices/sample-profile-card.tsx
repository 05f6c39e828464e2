import type { SampleProfile } from './sample-profiles';

function formatRate(cents: number, currency: SampleProfile['currency']): string {
  return new Intl.NumberFormat('en-US', { style: 'currency', currency }).format(cents / 100);
}

/** One sample profile laid out as a card; headings start at h3 under the page's h2. */
export function SampleProfileCard({ profile }: { profile: SampleProfile }) {
  const headingId = `${profile.id}-name`;
  return (
    <article className="card sample-profile" aria-labelledby={headingId}>
      <h3 id={headingId}>{profile.name}</h3>
      <p className="sample-profile-title">{profile.title}</p>
      <p className="muted">
        {profile.country} · {formatRate(profile.hourlyRateCents, profile.currency)} an hour
      </p>

      <h4>Overview</h4>
      {profile.overview.map((paragraph) => (
        <p key={paragraph.slice(0, 40)}>{paragraph}</p>
      ))}

      <h4>Skills</h4>
      <ul className="tag-list">
        {profile.skills.map((skill) => (
          <li key={skill} className="badge">
            {skill}
          </li>
        ))}
      </ul>

      <h4>Languages</h4>
      <ul>
        {profile.languages.map(({ language, level }) => (
          <li key={language}>
            {language}: {level}
          </li>
        ))}
      </ul>

      <h4>Employment history</h4>
      <ul>
        {profile.employment.map((job) => (
          <li key={`${job.company}-${job.years}`}>
            <strong>{job.role}</strong>, {job.company} ({job.years})
            <br />
            {job.summary}
          </li>
        ))}
      </ul>

      <h4>Education</h4>
      <ul>
        {profile.education.map((entry) => (
          <li key={`${entry.school}-${entry.degree}`}>
            {entry.degree}, {entry.school} ({entry.years})
          </li>
        ))}
      </ul>

      <h4>Portfolio</h4>
      <ul>
        {profile.portfolio.map((item) => (
          <li key={item.url}>
            <a href={item.url} rel="nofollow noopener">
              {item.title}
            </a>
            : {item.description}
          </li>
        ))}
      </ul>

      <h4>Why it works</h4>
      <ul>
        {profile.whyItWorks.map((reason) => (
          <li key={reason}>{reason}</li>
        ))}
      </ul>
    </article>
  );
}
