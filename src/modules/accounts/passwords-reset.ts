// Use cases: request a reset link by mail, and set a new password with a reset or invitation link.
import { AppError } from '../../core/errors.ts';
import type { Database } from '../../db/client.ts';
import type { Mailer } from '../../mail/mailer.ts';
import * as repo from './accounts.repository.ts';
import { audit } from './audit.ts';
import { hashPassword, passwordProblems } from './passwords.ts';
import { hashToken, newToken } from './sessions.ts';

const resetMinutes = 60;

/** Always answers the same, whether the address exists or not. */
export async function requestPasswordReset(
  database: Database,
  mailer: Mailer,
  email: string,
  baseUrl: string,
): Promise<void> {
  const user = await repo.findUserByEmail(database.db, email.trim());
  if (!user || user.status !== 'active') return;
  const token = newToken();
  await repo.insertToken(database.db, {
    tokenHash: hashToken(token),
    userId: user.id,
    purpose: 'reset',
    expiresAt: new Date(Date.now() + resetMinutes * 60_000),
  });
  await mailer.send({
    to: user.email,
    subject: 'Passwort zurücksetzen – Sozialraum-Plattform',
    text: `Guten Tag ${user.displayName},\n\nüber diesen Link setzen Sie ein neues Passwort (gültig ${resetMinutes} Minuten, nur einmal verwendbar):\n\n${baseUrl}/passwort-neu?token=${token}\n\nWenn Sie das nicht angefordert haben, ignorieren Sie diese Nachricht; Ihr Passwort bleibt unverändert.`,
  });
}

/** Which kind of link a token is, if it is still valid. */
export async function tokenPurpose(
  database: Database,
  token: string,
): Promise<'reset' | 'invite' | null> {
  const h = hashToken(token);
  if (await repo.findValidToken(database.db, h, 'reset')) return 'reset';
  if (await repo.findValidToken(database.db, h, 'invite')) return 'invite';
  return null;
}

export async function setPasswordWithToken(
  database: Database,
  token: string,
  password: string,
  ip?: string,
): Promise<number> {
  const purpose = await tokenPurpose(database, token);
  if (!purpose)
    throw new AppError(
      'invalid_input',
      'Dieser Link ist abgelaufen oder wurde schon verwendet. Fordern Sie bitte einen neuen an.',
    );
  const h = hashToken(token);
  const pending = await repo.findValidToken(database.db, h, purpose);
  const user = pending ? await repo.findUser(database.db, pending.userId) : undefined;
  if (!user) throw new AppError('invalid_input', 'Dieser Link ist ungültig.');
  const problems = passwordProblems(password, [user.email, user.displayName]);
  if (problems.length > 0)
    throw new AppError(
      'invalid_input',
      problems.join(' '),
      problems.map((message) => ({ field: 'password', message })),
    );
  const passwordHash = await hashPassword(password);
  await database.db.transaction(async (tx) => {
    const used = await repo.consumeToken(tx, h, purpose);
    if (!used)
      throw new AppError('invalid_input', 'Dieser Link ist abgelaufen oder wurde schon verwendet.');
    await repo.updateUser(tx, user.id, {
      passwordHash,
      status: user.status === 'invited' ? 'active' : user.status,
      failedLogins: 0,
      lockedUntil: null,
    });
    await repo.deleteSessionsOf(tx, user.id);
    await audit(
      tx,
      { userId: user.id, email: user.email },
      {
        action: purpose === 'invite' ? 'user.accept-invite' : 'user.reset-password',
        entity: 'user',
        entityId: user.id,
      },
      ip,
    );
  });
  return user.id;
}
