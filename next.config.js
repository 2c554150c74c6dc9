// Next.js runs inside the custom server (server/index.ts); see README "Architecture".
/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  // Several builds can live side by side (parallel test runs); the custom server reads the same variable.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  poweredByHeader: false,
  // Native and Node-only packages stay outside the bundle.
  serverExternalPackages: ['@node-rs/argon2', 'better-sqlite3', 'pg', 'ioredis', 'rate-limiter-flexible', 'socket.io'],
  allowedDevOrigins: ['127.0.0.1'],
  typescript: { ignoreBuildErrors: true }, // `npm test` runs `tsc --noEmit` itself
  async headers() {
    return [
      {
        source: '/:path*',
        headers: [
          { key: 'X-Content-Type-Options', value: 'nosniff' },
          { key: 'Referrer-Policy', value: 'same-origin' },
          { key: 'X-Frame-Options', value: 'DENY' },
          { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=()' },
        ],
      },
    ];
  },
};

export default nextConfig;
