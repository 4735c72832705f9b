// Use cases of staff administration: create or invite users, change role grants, disable; each audited.
import { AppError } from '../../core/errors.ts';
import type { Actor, RoleGrant } from '../../core/policy.ts';
import type { Database } from '../../db/client.ts';
import type { Mailer } from '../../mail/mailer.ts';
import * as repo from './accounts.repository.ts';
import { audit } from './audit.ts';
import { hashPassword, passwordProblems } from './passwords.ts';
import { createUserSchema, grantSchema, type CreateUserInput } from './schema.ts';
import { hashToken, newToken } from './sessions.ts';

export type Acting = Actor | 'cli';
const inviteDays = 7;

function publicUser(u: repo.UserRow) {
  return { id: u.id, email: u.email, displayName: u.displayName, status: u.status };
}

async function requireDepartments(database: Database, grants: RoleGrant[]) {
  const known = new Set((await repo.listDepartments(database.db)).map((d) => d.id));
  for (const g of grants) {
    if (g.departmentId && !known.has(g.departmentId))
      throw new AppError('invalid_input', `Den Fachbereich „${g.departmentId}“ gibt es nicht.`);
  }
}

/** Creates a user with a password (CLI: the first admin). */
export async function createUserWithPassword(
  database: Database,
  acting: Acting,
  input: CreateUserInput & { password: string },
) {
  const data = createUserSchema.parse(input);
  const problems = passwordProblems(input.password, [data.email, data.displayName]);
  if (problems.length > 0) throw new AppError('invalid_input', problems.join(' '));
  await requireDepartments(database, data.grants);
  if (await repo.findUserByEmail(database.db, data.email))
    throw new AppError('conflict', `Ein Konto mit ${data.email} gibt es schon.`);
  const passwordHash = await hashPassword(input.password);
  return database.db.transaction(async (tx) => {
    const user = await repo.insertUser(tx, {
      email: data.email,
      displayName: data.displayName,
      passwordHash,
      status: 'active',
    });
    for (const g of data.grants) await repo.addGrant(tx, user.id, g);
    await audit(tx, acting, {
      action: 'user.create',
      entity: 'user',
      entityId: user.id,
      after: { ...publicUser(user), grants: data.grants },
    });
    return user;
  });
}

/** Invites a user by mail: the link lets them choose a password. */
export async function inviteUser(
  database: Database,
  mailer: Mailer,
  acting: Acting,
  input: CreateUserInput,
  baseUrl: string,
  ip?: string,
) {
  const data = createUserSchema.parse(input);
  await requireDepartments(database, data.grants);
  if (await repo.findUserByEmail(database.db, data.email))
    throw new AppError('conflict', `Ein Konto mit ${data.email} gibt es schon.`);
  const token = newToken();
  const user = await database.db.transaction(async (tx) => {
    const created = await repo.insertUser(tx, {
      email: data.email,
      displayName: data.displayName,
      status: 'invited',
    });
    for (const g of data.grants) await repo.addGrant(tx, created.id, g);
    await repo.insertToken(tx, {
      tokenHash: hashToken(token),
      userId: created.id,
      purpose: 'invite',
      expiresAt: new Date(Date.now() + inviteDays * 86_400_000),
    });
    await audit(
      tx,
      acting,
      {
        action: 'user.invite',
        entity: 'user',
        entityId: created.id,
        after: { ...publicUser(created), grants: data.grants },
      },
      ip,
    );
    return created;
  });
  await mailer.send({
    to: user.email,
    subject: 'Einladung zur Sozialraum-Plattform',
    text: `Guten Tag ${user.displayName},\n\nSie wurden zur Sozialraum-Plattform eingeladen. Über diesen Link legen Sie Ihr Passwort fest (gültig ${inviteDays} Tage):\n\n${baseUrl}/passwort-neu?token=${token}\n\nWenn Sie die Einladung nicht erwartet haben, können Sie diese Nachricht ignorieren.`,
  });
  return user;
}

export async function changeGrant(
  database: Database,
  acting: Actor,
  userId: number,
  change: 'add' | 'remove',
  input: unknown,
  ip?: string,
) {
  const grant = grantSchema.parse(input);
  await requireDepartments(database, [grant]);
  const user = await repo.findUser(database.db, userId);
  if (!user) throw new AppError('not_found', 'Dieses Konto gibt es nicht.');
  await database.db.transaction(async (tx) => {
    const before = await repo.grantsOf(tx, userId);
    if (change === 'add') await repo.addGrant(tx, userId, grant);
    else {
      if (grant.role === 'admin' && userId === acting.userId)
        throw new AppError(
          'conflict',
          'Sie können sich die Administrationsrolle nicht selbst entziehen.',
        );
      await repo.removeGrant(tx, userId, grant);
    }
    await audit(
      tx,
      acting,
      {
        action: `user.grant.${change}`,
        entity: 'user',
        entityId: userId,
        before: { grants: before },
        after: { grants: await repo.grantsOf(tx, userId) },
      },
      ip,
    );
  });
}

export async function setUserStatus(
  database: Database,
  acting: Actor,
  userId: number,
  status: 'active' | 'disabled',
  ip?: string,
) {
  const user = await repo.findUser(database.db, userId);
  if (!user) throw new AppError('not_found', 'Dieses Konto gibt es nicht.');
  if (userId === acting.userId)
    throw new AppError('conflict', 'Sie können Ihr eigenes Konto nicht sperren.');
  await database.db.transaction(async (tx) => {
    const after = await repo.updateUser(tx, userId, { status });
    if (status === 'disabled') await repo.deleteSessionsOf(tx, userId);
    await audit(
      tx,
      acting,
      {
        action: `user.${status === 'disabled' ? 'disable' : 'enable'}`,
        entity: 'user',
        entityId: userId,
        before: publicUser(user),
        after: after ? publicUser(after) : null,
      },
      ip,
    );
  });
}
