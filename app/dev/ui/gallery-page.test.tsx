import { renderToStaticMarkup } from 'react-dom/server';
import { withEnv } from '@/tests/helpers/env';
import UiGalleryPage from './page';

/** The production set-up: Resend configured, so no local mailbox and no development pages. */
const PRODUCTION_EMAIL = { RESEND_API_KEY: 're_gallery_page_test', EMAIL_TRANSPORT: undefined };

function renderGallery(): string {
  try {
    return renderToStaticMarkup(UiGalleryPage());
  } catch (error) {
    const digest = (error as { digest?: unknown } | null)?.digest;
    if (digest === 'NEXT_HTTP_ERROR_FALLBACK;404') return 'not-found';
    throw error;
  }
}

describe('/dev/ui', () => {
  it('shows every badge state while email goes to the local mailbox', () => {
    const html = renderGallery();
    expect(html).toContain('<h1');
    for (const label of ['Delivery failed', 'Awaiting compliance check', 'Changes requested']) {
      expect(html).toContain(label);
    }
    expect(html).toContain('Returned to balance');
  });

  it('does not exist in production (Resend configured): it answers not-found', async () => {
    await withEnv(PRODUCTION_EMAIL, async () => {
      expect(renderGallery()).toBe('not-found');
    });
  });
});
