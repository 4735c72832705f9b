// Test factories: users with given role grants and a live session cookie, made through the real use cases.
import { randomBytes } from 'node:crypto';
import type { Database } from '../../db/client.ts';
import type { RoleGrant } from '../../core/policy.ts';
import { insertUser, addGrant } from './accounts.repository.ts';
import { createSession, sessionCookie } from './sessions.ts';

export async function userWithSession(
  database: Database,
  grants: RoleGrant[],
  name = 'Test',
): Promise<{ userId: number; cookie: string; email: string }> {
  const email = `${name.toLowerCase().replace(/[^a-z0-9]/g, '')}-${randomBytes(4).toString('hex')}@example.org`;
  const user = await insertUser(database.db, { email, displayName: name, status: 'active' });
  for (const g of grants) await addGrant(database.db, user.id, g);
  const token = await createSession(database, user.id, {});
  return { userId: user.id, cookie: `${sessionCookie}=${token}`, email };
}

export const grant = (role: RoleGrant['role'], scope: Partial<RoleGrant> = {}): RoleGrant => ({
  role,
  departmentId: scope.departmentId ?? (role === 'organiser' ? 'soziales' : null),
  organisationId: scope.organisationId ?? (role === 'provider' ? 'org-1' : null),
});
