// Use case: add or rename a department (Fachbereich) of the organising team; audited.
import { z } from 'zod';
import type { Actor } from '../../core/policy.ts';
import type { Database } from '../../db/client.ts';
import * as repo from './accounts.repository.ts';
import { audit } from './audit.ts';

export const departmentSchema = z.object({
  id: z
    .string()
    .trim()
    .regex(
      /^[a-z0-9][a-z0-9-]{1,40}$/,
      'Kennung: Kleinbuchstaben, Ziffern und Bindestriche (2–41 Zeichen).',
    ),
  name: z.string().trim().min(2, 'Bitte geben Sie einen Namen an.').max(200),
});

export async function saveDepartment(
  database: Database,
  actor: Actor,
  input: unknown,
  ip?: string,
) {
  const d = departmentSchema.parse(input);
  await database.db.transaction(async (tx) => {
    const before = (await repo.listDepartments(tx)).find((x) => x.id === d.id) ?? null;
    await repo.upsertDepartment(tx, d);
    await audit(
      tx,
      actor,
      {
        action: before ? 'department.rename' : 'department.create',
        entity: 'department',
        entityId: d.id,
        before,
        after: d,
      },
      ip,
    );
  });
}
