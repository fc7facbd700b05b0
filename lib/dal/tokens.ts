import 'server-only';
import { createHash, randomBytes } from 'node:crypto';
import { db } from '@/lib/db';
import type { Prisma } from '@/lib/generated/prisma/client';

/**
 * Single-use tokens mailed to a user (password reset, address verification). The link carries
 * 32 random bytes; only their SHA-256 is stored, so a copy of the database opens no account.
 */
export type TokenKind = 'reset' | 'verify';
export type TokenState = 'valid' | 'expired' | 'invalid';
export type SpentToken = { ok: true; userId: string } | { ok: false; reason: 'INVALID' | 'EXPIRED' };

export const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');
export const newSecret = () => randomBytes(32).toString('base64url');

const identifier = (kind: TokenKind, userId: string) => `${kind}:${userId}`;

/** A new token of `kind` for the user; the earlier ones of that kind stop working. */
export async function issueToken(kind: TokenKind, userId: string, ttlMs: number, tx?: Prisma.TransactionClient): Promise<string> {
  if (!tx) return db.$transaction((t) => issueToken(kind, userId, ttlMs, t));
  const token = newSecret();
  await tx.verificationToken.deleteMany({ where: { identifier: identifier(kind, userId) } });
  await tx.verificationToken.create({
    data: { identifier: identifier(kind, userId), token: sha256(token), expires: new Date(Date.now() + ttlMs) },
    select: { token: true },
  });
  return token;
}

export async function tokenState(kind: TokenKind, token: string): Promise<TokenState> {
  const row = await db.verificationToken.findUnique({ where: { token: sha256(token) }, select: { identifier: true, expires: true } });
  if (!row || !row.identifier.startsWith(`${kind}:`)) return 'invalid';
  return row.expires.getTime() < Date.now() ? 'expired' : 'valid';
}

/** Uses a token up inside `tx`: of two requests racing with one token, only one gets its user. */
export async function spendToken(tx: Prisma.TransactionClient, kind: TokenKind, token: string): Promise<SpentToken> {
  const hashed = sha256(token);
  const row = await tx.verificationToken.findUnique({ where: { token: hashed }, select: { identifier: true, expires: true } });
  if (!row || !row.identifier.startsWith(`${kind}:`)) return { ok: false, reason: 'INVALID' };
  const { count } = await tx.verificationToken.deleteMany({ where: { token: hashed } });
  if (count !== 1) return { ok: false, reason: 'INVALID' };
  if (row.expires.getTime() < Date.now()) return { ok: false, reason: 'EXPIRED' };
  await tx.verificationToken.deleteMany({ where: { identifier: row.identifier } });
  return { ok: true, userId: row.identifier.slice(kind.length + 1) };
}
