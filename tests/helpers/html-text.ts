/**
 * Text as React's server renderer writes it into HTML (text and attribute values), so a test
 * can look for a sentence with quotes or apostrophes in rendered markup.
 */
export const escapeHtml = (text: string) =>
  text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#x27;');
