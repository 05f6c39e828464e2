import Link from 'next/link';
import { HelpArticle, helpArticleMetadata } from '../help-article';
import { SampleProfileCard } from './sample-profile-card';
import { SAMPLE_PROFILES } from './sample-profiles';

export const metadata = helpArticleMetadata('profile-best-practices');

export default function ProfileBestPracticesPage() {
  return (
    <HelpArticle slug="profile-best-practices">
      <p>
        Your profile is what a client reads before they get in touch. It doesn&rsquo;t have to be
        long; it has to be clear, specific and true. Here is what works, how the completeness meter
        adds up, and two sample profiles to borrow ideas from.
      </p>

      <h2>What makes a strong profile</h2>
      <ul>
        <li>
          <strong>A clear photo of your face.</strong> PNG or JPEG, up to 5 MB. Good light and a
          plain background are enough.
        </li>
        <li>
          <strong>A title that says what you do</strong>, in up to 70 characters: the job, and if
          there is room, the kind of client or product you do it for.
        </li>
        <li>
          <strong>An overview that starts with the problem you solve.</strong> Between 100 and 5,000
          characters. Three short paragraphs usually do it: what you do, a result you can point to,
          and how you like to work.
        </li>
        <li>
          <strong>Skills a client would name</strong>, from 1 to 15. A few precise skills beat a
          long list.
        </li>
        <li>
          <strong>An hourly rate</strong> that matches what you charge today.
        </li>
        <li>
          <strong>Languages with an honest level</strong>, so a client knows how you will talk.
        </li>
        <li>
          <strong>Employment history and education</strong>, each entry with one line on what you
          were responsible for.
        </li>
        <li>
          <strong>Portfolio links</strong> to work you can show: a case study, a live site, a
          repository, an article.
        </li>
      </ul>

      <h2>How the completeness meter adds up</h2>
      <p>
        The meter in your profile settings shows how complete your profile is, and gives one
        concrete tip for each thing that is missing.
      </p>
      <ul>
        <li>
          <strong>The first half</strong> comes from four things: a photo, an overview, one
          employment entry and one skill.
        </li>
        <li>
          <strong>The second half</strong> comes from portfolio links, more employment entries,
          education and languages.
        </li>
      </ul>
      <p>
        So start with the first four: they matter most and take the least time. Then add the rest as
        you have it.
      </p>

      <h2>Two sample profiles</h2>
      <p>
        These two people, their employers and their schools are made up, and we left out the photos.
        Use them for structure and tone, then write about your own work in your own words.
      </p>
      {SAMPLE_PROFILES.map((profile) => (
        <SampleProfileCard key={profile.id} profile={profile} />
      ))}

      <h2>Next</h2>
      <p>
        Decide who should see your profile:{' '}
        <Link href="/help/hide-your-profile">how to hide your profile</Link> explains the three
        visibility settings, and <Link href="/help/find-more-work">how to find more work</Link> has
        more tips for being found.
      </p>
    </HelpArticle>
  );
}
