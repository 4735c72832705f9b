// All SQL of the accounts module: departments, users, role grants, sessions, tokens and the audit log.
import { and, asc, desc, eq, gt, isNull, lt, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import {
  accountTokens,
  auditLog,
  departments,
  sessions,
  userRoles,
  users,
} from '../../db/schema/index.ts';
import type { Role, RoleGrant } from '../../core/policy.ts';

export type UserRow = typeof users.$inferSelect;

export async function listDepartments(db: Db) {
  return db.select().from(departments).orderBy(asc(departments.name));
}

export async function upsertDepartment(db: Db, d: { id: string; name: string }) {
  await db
    .insert(departments)
    .values(d)
    .onConflictDoUpdate({ target: departments.id, set: { name: d.name } });
}

export async function findUserByEmail(db: Db, email: string) {
  const [row] = await db
    .select()
    .from(users)
    .where(sql`lower(${users.email}) = lower(${email})`);
  return row;
}

export async function findUser(db: Db, id: number) {
  const [row] = await db.select().from(users).where(eq(users.id, id));
  return row;
}

export async function findUserByOidc(db: Db, issuer: string, subject: string) {
  const [row] = await db
    .select()
    .from(users)
    .where(and(eq(users.oidcIssuer, issuer), eq(users.oidcSubject, subject)));
  return row;
}

export async function insertUser(db: Db, u: typeof users.$inferInsert) {
  const [row] = await db.insert(users).values(u).returning();
  return row!;
}

export async function updateUser(db: Db, id: number, set: Partial<typeof users.$inferInsert>) {
  const [row] = await db
    .update(users)
    .set({ ...set, updatedAt: sql`now()` })
    .where(eq(users.id, id))
    .returning();
  return row;
}

export async function listUsers(db: Db) {
  return db.select().from(users).orderBy(asc(users.displayName));
}

export async function grantsOf(db: Db, userId: number): Promise<RoleGrant[]> {
  const rows = await db
    .select({
      role: userRoles.role,
      departmentId: userRoles.departmentId,
      organisationId: userRoles.organisationId,
    })
    .from(userRoles)
    .where(eq(userRoles.userId, userId))
    .orderBy(asc(userRoles.role), asc(userRoles.departmentId));
  return rows.map((r) => ({ ...r, role: r.role as Role }));
}

export async function allGrants(db: Db) {
  return db.select().from(userRoles).orderBy(asc(userRoles.userId), asc(userRoles.role));
}

export async function addGrant(db: Db, userId: number, g: RoleGrant) {
  await db
    .insert(userRoles)
    .values({
      userId,
      role: g.role,
      departmentId: g.departmentId,
      organisationId: g.organisationId,
    })
    .onConflictDoNothing();
}

export async function removeGrant(db: Db, userId: number, g: RoleGrant) {
  await db
    .delete(userRoles)
    .where(
      and(
        eq(userRoles.userId, userId),
        eq(userRoles.role, g.role),
        sql`coalesce(${userRoles.departmentId}, '') = ${g.departmentId ?? ''}`,
        sql`coalesce(${userRoles.organisationId}, '') = ${g.organisationId ?? ''}`,
      ),
    );
}

export async function countAdmins(db: Db): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(distinct ${userRoles.userId})` })
    .from(userRoles)
    .innerJoin(users, eq(users.id, userRoles.userId))
    .where(and(eq(userRoles.role, 'admin'), eq(users.status, 'active')));
  return Number(row?.n ?? 0);
}

export async function insertSession(db: Db, s: typeof sessions.$inferInsert) {
  await db.insert(sessions).values(s);
}

export async function findSession(db: Db, tokenHash: string) {
  const [row] = await db.select().from(sessions).where(eq(sessions.tokenHash, tokenHash));
  return row;
}

export async function touchSession(db: Db, tokenHash: string) {
  await db
    .update(sessions)
    .set({ lastSeenAt: sql`now()` })
    .where(eq(sessions.tokenHash, tokenHash));
}

export async function deleteSession(db: Db, tokenHash: string) {
  await db.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
}

export async function deleteSessionsOf(db: Db, userId: number): Promise<number> {
  const rows = await db
    .delete(sessions)
    .where(eq(sessions.userId, userId))
    .returning({ t: sessions.tokenHash });
  return rows.length;
}

export async function deleteExpiredSessions(db: Db, idleBefore: Date) {
  await db
    .delete(sessions)
    .where(
      sql`${sessions.expiresAt} < now() or ${sessions.lastSeenAt} < ${idleBefore.toISOString()}`,
    );
}

export async function insertToken(db: Db, t: typeof accountTokens.$inferInsert) {
  await db.insert(accountTokens).values(t);
}

/** Marks a token used and returns it, if it is unused, unexpired and of the purpose. */
export async function consumeToken(db: Db, tokenHash: string, purpose: 'reset' | 'invite') {
  const [row] = await db
    .update(accountTokens)
    .set({ usedAt: sql`now()` })
    .where(
      and(
        eq(accountTokens.tokenHash, tokenHash),
        eq(accountTokens.purpose, purpose),
        isNull(accountTokens.usedAt),
        gt(accountTokens.expiresAt, sql`now()`),
      ),
    )
    .returning();
  return row;
}

export async function findValidToken(db: Db, tokenHash: string, purpose: 'reset' | 'invite') {
  const [row] = await db
    .select()
    .from(accountTokens)
    .where(
      and(
        eq(accountTokens.tokenHash, tokenHash),
        eq(accountTokens.purpose, purpose),
        isNull(accountTokens.usedAt),
        gt(accountTokens.expiresAt, sql`now()`),
      ),
    );
  return row;
}

export async function insertAudit(db: Db, entry: typeof auditLog.$inferInsert) {
  await db.insert(auditLog).values(entry);
}

export async function listAudit(db: Db, limit = 200, before?: number) {
  return db
    .select()
    .from(auditLog)
    .where(before ? lt(auditLog.id, before) : undefined)
    .orderBy(desc(auditLog.id))
    .limit(limit);
}

/** The `after` state of the newest audit entry of an action on an entity. */
export async function lastAuditAfter(
  db: Db,
  entity: string,
  entityId: string,
  action: string,
): Promise<unknown> {
  const [row] = await db
    .select({ after: auditLog.after })
    .from(auditLog)
    .where(
      and(
        eq(auditLog.entity, entity),
        eq(auditLog.entityId, entityId),
        eq(auditLog.action, action),
      ),
    )
    .orderBy(desc(auditLog.id))
    .limit(1);
  return row?.after ?? null;
}
