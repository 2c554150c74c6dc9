// Next.js runs inside the custom server (server/index.ts); see README "Architecture".
// Security headers (CSP with a per-request nonce, nosniff, ...) and request body limits are set by the custom
// server's HTTP edge (server/http/), which every response passes through.
import { SERVER_ACTION_BODY_LIMIT } from './server/http/body-limits.js';

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
  experimental: {
    // Next's own streaming check of server action bodies, at the same limit the edge applies.
    serverActions: { bodySizeLimit: SERVER_ACTION_BODY_LIMIT },
  },
};

export default nextConfig;
