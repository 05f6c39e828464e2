import Link from 'next/link';
import { HelpArticle, helpArticleMetadata } from '../help-article';

export const metadata = helpArticleMetadata('find-more-work');

export default function FindMoreWorkPage() {
  return (
    <HelpArticle slug="find-more-work">
      <p>
        Your first client on Workbridge invited you. The next one could find you on their own, as
        long as your profile can be seen and says clearly what you do.
      </p>

      <h2>Make sure your profile can be found</h2>
      <p>
        Your profile visibility decides who can find it. You can change it at any time in your
        settings.
      </p>
      <ul>
        <li>
          <strong>Public:</strong> anyone can see your profile, and search engines may list it. This
          reaches the most people.
        </li>
        <li>
          <strong>Signed-in users only:</strong> anyone signed in to Workbridge can see it, but
          search engines are asked not to list it.
        </li>
        <li>
          <strong>Private:</strong> your profile isn&rsquo;t listed anywhere, so new clients
          won&rsquo;t come across it.
        </li>
      </ul>
      <p>
        To be found, choose public or signed-in users only. If you would rather keep to the client
        who invited you, read <Link href="/help/hide-your-profile">how to hide your profile</Link>.
      </p>

      <h2>Tips that make a difference</h2>
      <ul>
        <li>
          <strong>Say what you do in your title.</strong> &ldquo;Product designer for B2B web
          apps&rdquo; tells a client more than &ldquo;Creative professional&rdquo;. You have 70
          characters.
        </li>
        <li>
          <strong>Open your overview with the problem you solve,</strong> then back it up with one
          or two results you can point to. Clients skim, so put the best first.
        </li>
        <li>
          <strong>Show your work.</strong> Portfolio links to things you actually built, designed or
          wrote do more than any description.
        </li>
        <li>
          <strong>Use the words a client would use.</strong> List the skills and tools a client
          would name when describing the job, not just the ones you like best.
        </li>
        <li>
          <strong>Keep your rate current.</strong> A rate that matches what you charge today saves
          you and a new client an awkward first conversation.
        </li>
        <li>
          <strong>Share your profile link</strong> in your email signature, on your website and
          wherever people already ask you about your work.
        </li>
        <li>
          <strong>Fill the completeness meter.</strong> It gives you one concrete tip for every gap.
          Our <Link href="/help/profile-best-practices">profile best practices</Link> include two
          sample profiles to borrow ideas from.
        </li>
      </ul>

      <h2>Job search is coming later</h2>
      <p>
        Today, Workbridge is built around working with clients who invite you. Clients posting jobs,
        searching for work and sending proposals are coming later. Until then, a complete, visible
        profile is the best way to be ready.
      </p>
    </HelpArticle>
  );
}
