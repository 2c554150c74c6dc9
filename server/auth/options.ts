// next-auth v4 configuration: credentials sign-in with JWT sessions. The token carries only the user id and
// sessionVersion; everything else is read fresh from the database (server/auth/actor.ts).
import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { safeCallbackUrl } from '@/lib/http/safe-callback';
import { getConfig } from '../config';
import { CLIENT_IP_HEADER } from '../http/client-ip';
import { isSessionRevoked, newSessionId, SESSION_MAX_AGE_S } from './sessions';
import { authenticate } from './sign-in';

export function authOptions(): NextAuthOptions {
  const config = getConfig();
  return {
    secret: config.authSecret,
    session: { strategy: 'jwt', maxAge: SESSION_MAX_AGE_S },
    pages: { signIn: '/signin', error: '/signin' },
    providers: [
      CredentialsProvider({
        name: 'Email and password',
        credentials: { email: { label: 'Email', type: 'email' }, password: { label: 'Password', type: 'password' } },
        async authorize(credentials, req) {
          const header = req?.headers?.[CLIENT_IP_HEADER];
          const ip = (Array.isArray(header) ? header[0] : header) ?? 'unknown';
          // A thrown Error's message reaches the form as `error` (a code, see SIGN_IN_ERRORS).
          const user = await authenticate(credentials, ip).catch((err: Error) => {
            throw new Error(err.message);
          });
          return { id: user.id, sessionVersion: user.sessionVersion };
        },
      }),
    ],
    // Sign-out revokes this token's session id server-side, so a copied cookie stops working too: in the route
    // (app/api/auth/[...nextauth]/route.ts, revokeThenSignOut), before next-auth clears the cookie, not in
    // events.signOut, whose errors next-auth only logs.
    callbacks: {
      // Every callbackUrl next-auth follows (sign-in, sign-out, its own pages) stays on this site (issue 7 item 3).
      redirect({ url, baseUrl }) {
        return safeCallbackUrl(url, baseUrl);
      },
      async jwt({ token, user }) {
        if (user) {
          token.sub = user.id;
          token.sv = (user as { sessionVersion?: number }).sessionVersion ?? 0;
          // A session id of our own (next-auth re-encodes the token, with a new jti, on every refresh).
          token.sid = newSessionId();
        } else if (typeof token.sid === 'string' && (await isSessionRevoked(token.sid))) {
          // Never refresh a signed-out token: it would outlive its RevokedSession row (next-auth clears the cookie).
          throw new Error('session_revoked');
        }
        return token;
      },
      session({ session, token }) {
        return { ...session, user: { id: token.sub } } as typeof session;
      },
    },
  };
}
