import type { NextConfig } from 'next';

const isDev = process.env.NODE_ENV === 'development';

// React's development build needs eval for its call stacks; production never gets it.
const csp = [
  "default-src 'self'",
  `script-src 'self' 'unsafe-inline'${isDev ? " 'unsafe-eval'" : ''}`,
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "form-action 'self'",
  "base-uri 'self'",
  "object-src 'none'",
  "frame-ancestors 'none'",
].join('; ');

const securityHeaders = [
  { key: 'Content-Security-Policy', value: csp },
  // same-origin: nothing leaves for other sites, and our own form posts keep their Origin
  // (with no-referrer, browsers send "Origin: null" and Next.js rightly refuses the action).
  { key: 'Referrer-Policy', value: 'same-origin' },
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'X-Frame-Options', value: 'DENY' },
  { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=()' },
  ...(isDev
    ? []
    : [{ key: 'Strict-Transport-Security', value: 'max-age=31536000; includeSubDomains' }]),
];

const nextConfig: NextConfig = {
  poweredByHeader: false,
  experimental: {
    // ACTION_BODY_LIMIT_BYTES in lib/server/body-limits.ts (tests/security/body-limits.test.ts
    // checks they agree): the largest form without a file. Files post to route handlers.
    serverActions: { bodySizeLimit: 1_100_000 },
    // proxy.ts sees server-action posts only; Next.js copies what it reads for the proxy up
    // to this size (10 MB by default). A little over the action limit, so a longer body
    // still reaches the action handler's own 413 rather than arriving cut short.
    proxyClientMaxBodySize: 1_100_000 + 64 * 1024,
  },
  serverExternalPackages: [
    '@electric-sql/pglite',
    'pg-boss',
    'postgres',
    '@react-email/render',
    '@react-email/components',
  ],
  async headers() {
    return [
      { source: '/:path*', headers: securityHeaders },
      // Invite links carry their token in the path: never send them anywhere, not even to us.
      { source: '/invite/:token*', headers: [{ key: 'Referrer-Policy', value: 'no-referrer' }] },
      // Settings and onboarding pages show payout and tax data ("bank account ending 0417,
      // on hold until …"): no browser or proxy may keep a copy. `/x/:path*` matches /x too.
      { source: '/settings/:path*', headers: [{ key: 'Cache-Control', value: 'no-store' }] },
      { source: '/onboarding/:path*', headers: [{ key: 'Cache-Control', value: 'no-store' }] },
      // Contract and invoice pages show what a client pays and a freelancer earns. The PDF
      // (/invoices/:id/pdf) sends its own `private, no-store`.
      { source: '/contracts/:path*', headers: [{ key: 'Cache-Control', value: 'no-store' }] },
      { source: '/invoices/:id', headers: [{ key: 'Cache-Control', value: 'no-store' }] },
    ];
  },
};

export default nextConfig;
