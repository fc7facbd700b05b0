import type { DefaultSession } from 'next-auth';
import type { Role } from '@/lib/generated/prisma/client';

// What lib/auth.ts puts into the token and the session; lib/dal/session.ts reads it back.
declare module 'next-auth' {
  interface Session {
    user?: DefaultSession['user'] & { id: string; role: Role };
  }
  interface User {
    role?: Role;
    sessionVersion?: number;
  }
}

declare module 'next-auth/jwt' {
  interface JWT {
    role?: Role;
    sessionVersion?: number;
    /** The server-side session this token belongs to (lib/dal/auth-sessions.ts). */
    sid?: string;
  }
}
