// Use case: which areas contain a point? Bounding boxes in SQL, the exact test with turf.
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import type { MultiPolygon, Polygon } from 'geojson';
import type { Database } from '../../db/client.ts';
import * as repo from './areas.repository.ts';

export interface LookupHit {
  systemId: string;
  code: string;
  name: string;
  levelKey: string;
  rank: number;
}

export async function lookupPoint(
  database: Database,
  lon: number,
  lat: number,
  systemId?: string,
): Promise<LookupHit[]> {
  const candidates = await repo.bboxCandidates(database.db, lon, lat, systemId);
  return candidates
    .filter((c) => booleanPointInPolygon([lon, lat], c.geometry as Polygon | MultiPolygon))
    .map(({ systemId: s, code, name, levelKey, rank }) => ({
      systemId: s,
      code,
      name,
      levelKey,
      rank,
    }));
}
