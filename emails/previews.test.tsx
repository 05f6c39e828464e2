import { createElement } from 'react';
import { renderEmail } from '@/lib/email/render';
import { EMAIL_PREVIEWS } from './previews';

describe('email previews', () => {
  it.each(Object.keys(EMAIL_PREVIEWS))('%s renders HTML and a plain-text part', async (name) => {
    const { html, text } = await renderEmail(createElement(EMAIL_PREVIEWS[name].component));
    expect(html).toMatch(/^<!DOCTYPE html/i);
    expect(html).toContain('Workbridge');
    expect(text.length).toBeGreaterThan(50);
    expect(text).not.toContain('<');
  });
});
