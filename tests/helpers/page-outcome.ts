import { isValidElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';

/**
 * What a page (or an action) comes to as a request would see it: the page's markup,
 * "redirect <path>" for redirect(), "not-found" for notFound(), a returned value as JSON,
 * and '' for nothing. Any other error is thrown on.
 */
export async function pageOutcome(run: () => Promise<unknown>): Promise<string> {
  try {
    const result = await run();
    if (result === undefined) return '';
    return isValidElement(result) ? renderToStaticMarkup(result) : JSON.stringify(result);
  } catch (error) {
    const digest = String((error as { digest?: unknown }).digest ?? '');
    if (digest.startsWith('NEXT_REDIRECT')) return `redirect ${digest.split(';')[2]}`;
    if (digest === 'NEXT_HTTP_ERROR_FALLBACK;404') return 'not-found';
    throw error;
  }
}
