import NextAuth from 'next-auth';
import { authOptions } from '@/server/auth/options';
import { revokeThenSignOut } from '@/server/auth/sessions';

type Context = { params: Promise<{ nextauth: string[] }> };

const handler = (req: Request, ctx: Context) => NextAuth(req as never, ctx as never, authOptions());

// Sign-out revokes the session here, before next-auth clears the cookie; a failed revocation answers 503.
async function POST(req: Request, ctx: Context) {
  const { nextauth } = await ctx.params;
  if (nextauth.length === 1 && nextauth[0] === 'signout') return revokeThenSignOut(req, () => handler(req, ctx));
  return handler(req, ctx);
}

export { handler as GET, POST };
