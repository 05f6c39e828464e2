import { renderToStaticMarkup } from 'react-dom/server';
import type { FullProfile } from '@/lib/profile/public';
import { FullProfileView, ProfileHeader } from './profile-view';
import { SCRIPT } from '@/tests/helpers/hostile';

const profile: FullProfile = {
  slug: 'alex-k-abc234',
  displayName: `Alex ${SCRIPT}`,
  title: SCRIPT,
  country: 'Portugal',
  photoPath: '/freelancers/alex-k-abc234/photo?v=1234abcd',
  availability: 'limited',
  overview: `${SCRIPT} I build booking systems.`,
  hourlyRateCents: 4550,
  skills: [SCRIPT, '<img src=x onerror=alert(1)>'],
  languages: [{ language: SCRIPT, level: 'fluent' }],
  employment: [{ company: SCRIPT, title: SCRIPT, from: '2020-01', to: null }],
  education: [{ school: SCRIPT, degree: SCRIPT, from: 2010, to: 2014 }],
  portfolioLinks: ['https://example.com/"><script>alert(1)</script>'],
};

describe('the public profile view', () => {
  it('shows script typed into any field as text, never as markup', () => {
    const html = renderToStaticMarkup(<FullProfileView profile={profile} />);
    expect(html).not.toMatch(/<script|<img src=x/i);
    expect(html.match(/&lt;script&gt;alert\(1\)&lt;\/script&gt;/g)?.length).toBeGreaterThanOrEqual(
      9,
    );
    expect(html).toContain('$45.50 an hour');
    expect(html).toContain('Availability: <strong>Limited</strong>');
  });

  it('shows only the card fields in the limited header', () => {
    const html = renderToStaticMarkup(
      <ProfileHeader profile={{ ...profile, displayName: 'Alex K.', title: 'Developer' }} />,
    );
    expect(html).toContain('Alex K.');
    expect(html).toContain('Portugal');
    expect(html).not.toContain('booking systems');
  });
});
