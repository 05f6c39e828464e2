/** One list of help articles, so the index, each page's title and its h1 never drift apart. */
export const HELP_SECTIONS = [
  {
    heading: 'Getting started',
    articles: [
      {
        slug: 'how-workbridge-works',
        title: 'How Workbridge works',
        summary:
          'From the invitation email to being ready to be paid: every step, in order, and what to do if your link has expired.',
      },
      {
        slug: 'service-fee',
        title: 'Why there is a service fee',
        summary:
          'How much it is, what it pays for, and a worked example of what you receive after the fee.',
      },
    ],
  },
  {
    heading: 'Your profile',
    articles: [
      {
        slug: 'profile-best-practices',
        title: 'Profile best practices',
        summary:
          'What makes a strong profile, how the completeness meter adds up, and two sample profiles to borrow ideas from.',
      },
      {
        slug: 'find-more-work',
        title: 'How to find more work',
        summary: 'Let new clients find you, and make the most of it when they do.',
      },
      {
        slug: 'hide-your-profile',
        title: 'How to hide your profile',
        summary:
          'Who can see your profile with each visibility setting, and which one to choose if you only work with the client who invited you.',
      },
    ],
  },
  {
    heading: 'Compliance',
    articles: [
      {
        slug: 'compliance-check',
        title: 'The independent-contractor check',
        summary:
          'When a contract needs it, what we ask, what happens to your documents, and how long an approval lasts.',
      },
    ],
  },
] as const;

type HelpArticleEntry = (typeof HELP_SECTIONS)[number]['articles'][number];
export type HelpSlug = HelpArticleEntry['slug'];

export function getHelpArticle(slug: HelpSlug): HelpArticleEntry {
  const found = HELP_SECTIONS.flatMap((section) => [...section.articles]).find(
    (article) => article.slug === slug,
  );
  if (!found) throw new Error(`Unknown help article: ${slug}`);
  return found;
}
