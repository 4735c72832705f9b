// Sessions in the database: random tokens in an HttpOnly cookie, only their hash stored; idle and absolute timeouts.
import { createHash, randomBytes } from 'node:crypto';
import type { Database } from '../../db/client.ts';
import type { Actor } from '../../core/policy.ts';
import * as repo from './accounts.repository.ts';

export const sessionCookie = 'sid';
export const idleTimeoutMs = 30 * 60 * 1000;
export const absoluteTimeoutMs = 12 * 60 * 60 * 1000;
/** last_seen_at is written at most this often, to keep reads cheap. */
const touchEveryMs = 60 * 1000;

export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export async function createSession(
  database: Database,
  userId: number,
  meta: { ip?: string; userAgent?: string },
): Promise<string> {
  const token = newToken();
  await repo.insertSession(database.db, {
    tokenHash: hashToken(token),
    userId,
    expiresAt: new Date(Date.now() + absoluteTimeoutMs),
    ip: meta.ip ?? null,
    userAgent: meta.userAgent?.slice(0, 300) ?? null,
  });
  return token;
}

/** The actor of a session token, or null when unknown, expired, idle too long or the user is disabled. */
export async function actorForToken(
  database: Database,
  token: string | undefined,
  now = Date.now(),
): Promise<Actor | null> {
  if (!token || token.length > 100) return null;
  const tokenHash = hashToken(token);
  const session = await repo.findSession(database.db, tokenHash);
  if (!session) return null;
  if (session.expiresAt.getTime() <= now || session.lastSeenAt.getTime() + idleTimeoutMs <= now) {
    await repo.deleteSession(database.db, tokenHash);
    return null;
  }
  const user = await repo.findUser(database.db, session.userId);
  if (!user || user.status !== 'active') return null;
  if (now - session.lastSeenAt.getTime() > touchEveryMs)
    await repo.touchSession(database.db, tokenHash);
  return {
    userId: user.id,
    email: user.email,
    displayName: user.displayName,
    grants: await repo.grantsOf(database.db, user.id),
    sessionHash: tokenHash,
  };
}

export async function endSession(database: Database, tokenHash: string): Promise<void> {
  await repo.deleteSession(database.db, tokenHash);
}

export async function endAllSessions(database: Database, userId: number): Promise<number> {
  return repo.deleteSessionsOf(database.db, userId);
}
