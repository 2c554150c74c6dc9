// next-auth v4 configuration: credentials sign-in with JWT sessions. The token carries only the user id and
// sessionVersion; everything else is read fresh from the database (server/auth/actor.ts).
import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { getConfig } from '../config';
import { CLIENT_IP_HEADER } from '../http/client-ip';
import { authenticate } from './sign-in';

export const SESSION_MAX_AGE_S = 30 * 24 * 3600;

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
    callbacks: {
      jwt({ token, user }) {
        if (user) {
          token.sub = user.id;
          token.sv = (user as { sessionVersion?: number }).sessionVersion ?? 0;
        }
        return token;
      },
      session({ session, token }) {
        return { ...session, user: { id: token.sub } } as typeof session;
      },
    },
  };
}
