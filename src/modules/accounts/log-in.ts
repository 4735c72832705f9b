// Use case: sign in with e-mail and password; failed attempts lock the account for a while.
import { AppError } from '../../core/errors.ts';
import type { Database } from '../../db/client.ts';
import * as repo from './accounts.repository.ts';
import { dummyPasswordHash, verifyPassword } from './passwords.ts';
import { createSession } from './sessions.ts';

export const maxFailedLogins = 5;
export const lockoutMinutes = 15;

const refused = () => new AppError('unauthenticated', 'E-Mail-Adresse oder Passwort ist falsch.');

export async function logIn(
  database: Database,
  input: { email: string; password: string },
  meta: { ip?: string; userAgent?: string },
): Promise<{ token: string; userId: number }> {
  const user = await repo.findUserByEmail(database.db, input.email.trim());
  if (!user || !user.passwordHash || user.status !== 'active') {
    await verifyPassword(await dummyPasswordHash(), input.password);
    throw refused();
  }
  if (user.lockedUntil && user.lockedUntil.getTime() > Date.now()) {
    throw new AppError(
      'rate_limited',
      `Zu viele Fehlversuche: Das Konto ist bis ${user.lockedUntil.toLocaleTimeString('de-DE', { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Berlin' })} Uhr gesperrt. Sie können Ihr Passwort zurücksetzen.`,
    );
  }
  if (!(await verifyPassword(user.passwordHash, input.password))) {
    const failed = user.failedLogins + 1;
    await repo.updateUser(database.db, user.id, {
      failedLogins: failed >= maxFailedLogins ? 0 : failed,
      lockedUntil:
        failed >= maxFailedLogins
          ? new Date(Date.now() + lockoutMinutes * 60_000)
          : user.lockedUntil,
    });
    throw refused();
  }
  await repo.updateUser(database.db, user.id, {
    failedLogins: 0,
    lockedUntil: null,
    lastLoginAt: new Date(),
  });
  return { token: await createSession(database, user.id, meta), userId: user.id };
}
