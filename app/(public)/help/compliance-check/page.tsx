import { QUESTIONNAIRE_WEEKLY_HOURS } from '@/lib/compliance/rule';
import { HelpArticle, helpArticleMetadata } from '../help-article';

export const metadata = helpArticleMetadata('compliance-check');

export default function ComplianceCheckPage() {
  return (
    <HelpArticle slug="compliance-check">
      <p>
        Some contracts need a short check that you work as an independent contractor rather than as
        an employee of your client. Clients, larger ones especially, often need to be able to show
        this. The check gives them that in one place, and one approval covers you for a year.
      </p>

      <h2>When it is needed</h2>
      <p>It depends on who the client is and on the terms of the contract:</p>
      <ul>
        <li>
          <strong>Enterprise clients:</strong> a questionnaire plus business documents, whatever the
          contract.
        </li>
        <li>
          <strong>
            Hourly contracts with no weekly limit, or a limit of {QUESTIONNAIRE_WEEKLY_HOURS} hours
            a week or more:
          </strong>{' '}
          a questionnaire.
        </li>
        <li>
          <strong>Everything else:</strong> nothing. For example, a fixed-price contract, or an
          hourly contract capped below {QUESTIONNAIRE_WEEKLY_HOURS} hours a week, from a client that
          isn&rsquo;t an enterprise.
        </li>
      </ul>
      <p>
        You don&rsquo;t have to work this out yourself. If your contract needs the check, it appears
        as a step in your onboarding checklist; if it doesn&rsquo;t, you won&rsquo;t see it at all.
      </p>

      <h2>The questionnaire</h2>
      <p>Seven questions about how independently you work. They cover:</p>
      <ol>
        <li>whether you use your own tools and equipment;</li>
        <li>whether you work for other clients too;</li>
        <li>who controls your schedule and how the work gets done;</li>
        <li>whether you have a registered business;</li>
        <li>who sets the deliverables;</li>
        <li>how you invoice for your work;</li>
        <li>how long the engagement is expected to last.</li>
      </ol>
      <p>Answer them as things actually are. A reviewer reads every answer.</p>

      <h2>Business documents</h2>
      <p>
        Only needed for enterprise clients. Upload documents that show you run your own business,
        for example a business registration.
      </p>
      <ul>
        <li>PDF, PNG or JPEG files, up to 10 MB each, and up to 5 files.</li>
        <li>
          We check what each file actually contains, not just its name, so a renamed file
          won&rsquo;t get through.
        </li>
        <li>
          Your documents are stored privately. Only you and our reviewers can open them; your client
          sees whether the check is approved, never the documents themselves.
        </li>
      </ul>

      <h2>Review</h2>
      <p>
        Our operations team reviews your answers and documents and either approves the check or
        rejects it with a reason. We email you the result either way. While it is being reviewed,
        your &ldquo;What stands between you and your first payment&rdquo; panel says so.
      </p>

      <h2>How long an approval lasts</h2>
      <p>
        An approval is valid for <strong>one year</strong>, across all your clients on Workbridge.
        If another client&rsquo;s contract needs the same check within that year, you won&rsquo;t
        have to do it again.
      </p>

      <h2>If it is rejected</h2>
      <p>
        The email tells you why. You can try again after <strong>60 days</strong>, which gives you
        time to deal with what the reviewer pointed out.
      </p>

      <h2>When your contract can start</h2>
      <p>
        A contract that needs the check starts only once the check is approved. Your client can see
        its status, so they know where things stand without having to ask you.
      </p>
    </HelpArticle>
  );
}
