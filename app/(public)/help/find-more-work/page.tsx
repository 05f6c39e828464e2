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

      <h2>Find Work</h2>
      <p>
        On the freelancer side, <strong>Find Work</strong> in the header opens your feed: open job
        posts from your saved searches, or, until you save one, posts that ask for your skills.
      </p>
      <ul>
        <li>
          <strong>Search</strong> job posts by words in the title, description and skills, filter by
          hourly or fixed price, budget, experience, duration, workload and how recently they were
          posted, and sort by relevance or newest. A misspelt word gets a &ldquo;did you mean&rdquo;
          suggestion.
        </li>
        <li>
          <strong>Save a search</strong> and you get one email a day with the new posts that match
          it, and the search shows what is new since your last visit.
        </li>
        <li>
          <strong>Visibility and availability</strong> are set from the Find Work side menu. A
          private profile can still search; your availability shows on your profile.
        </li>
      </ul>
      <h2>Proposals</h2>
      <ul>
        <li>
          <strong>Send a proposal</strong> from a job&apos;s page: a cover letter, an answer to each
          of the client&apos;s questions, your hourly rate (or, for a fixed price, a bid for the
          whole project or by milestones) and how long you expect the work to take. Proposals are
          free, one per job, up to a daily limit (the form tells you when you reach it).
        </li>
        <li>
          <strong>Your proposals</strong> are listed under <Link href="/proposals">Proposals</Link>,
          with their status and a message thread with the client for each. You can withdraw one
          until the client sends you an offer or declines it; a withdrawn proposal cannot be sent
          again.
        </li>
        <li>
          <strong>An offer</strong> from a proposal reaches you like an invitation: you review the
          contract and accept it the same way.
        </li>
      </ul>
    </HelpArticle>
  );
}
