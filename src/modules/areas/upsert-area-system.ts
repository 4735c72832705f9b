// Use case: create or update an area system with its levels, in one transaction.
import type { Database } from '../../db/client.ts';
import * as repo from './areas.repository.ts';
import { areaSystemSchema, type AreaSystemInput } from './schema.ts';

export async function upsertAreaSystem(database: Database, input: AreaSystemInput): Promise<void> {
  const s = areaSystemSchema.parse(input);
  await database.db.transaction(async (tx) => {
    await repo.upsertSystem(
      tx,
      {
        id: s.id,
        name: s.name,
        description: s.description,
        validFrom: s.validFrom ?? null,
        validTo: s.validTo ?? null,
        source: s.source,
        licence: s.licence,
        isExample: s.isExample,
        geometryNote: s.geometryNote ?? null,
      },
      s.levels,
    );
  });
}
