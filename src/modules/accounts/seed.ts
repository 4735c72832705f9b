// Seeds the departments of Oberhausen's organising team from data/accounts/departments.json.
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import type { Database } from '../../db/client.ts';
import { upsertDepartment } from './accounts.repository.ts';

const file = fileURLToPath(new URL('../../../data/accounts/departments.json', import.meta.url));
const schema = z.object({
  departments: z.array(z.object({ id: z.string().regex(/^[a-z0-9-]+$/), name: z.string().min(1) })),
});

export async function seedDepartments(database: Database): Promise<string[]> {
  const { departments } = schema.parse(JSON.parse(await readFile(file, 'utf8')));
  await database.db.transaction(async (tx) => {
    for (const d of departments) await upsertDepartment(tx, d);
  });
  return [`Fachbereiche: ${departments.length}`];
}
