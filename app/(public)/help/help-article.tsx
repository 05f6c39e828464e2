import type { Metadata } from 'next';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { getHelpArticle, type HelpSlug } from './articles';

export function helpArticleMetadata(slug: HelpSlug): Metadata {
  const article = getHelpArticle(slug);
  return { title: article.title, description: article.summary };
}

/** The frame every help article shares: its title as the one h1, and the way back. */
export function HelpArticle({ slug, children }: { slug: HelpSlug; children: ReactNode }) {
  const article = getHelpArticle(slug);
  return (
    <article className="help-article">
      <p className="help-crumb">
        <Link href="/help">Help center</Link>
      </p>
      <h1>{article.title}</h1>
      {children}
      <p className="help-back">
        <Link href="/help">Back to the help center</Link>
      </p>
    </article>
  );
}
