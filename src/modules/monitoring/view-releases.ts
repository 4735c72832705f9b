// Read use cases for staff: releases with their people and contents, and the systems one can import into.
import type { Database } from '../../db/client.ts';
import { AppError } from '../../core/errors.ts';
import * as repo from './monitoring.repository.ts';

export interface ReleaseView extends repo.ReleaseRow {
  systemName: string;
  createdByLabel: string;
  publishedByLabel: string;
  withdrawnByLabel: string;
  contents: { indicatorCode: string; indicatorName: string; period: string; count: number }[];
}

const cliLabel = 'Kommandozeile';

function label(name: string | null, id: number | null): string {
  if (name) return name;
  return id === null ? cliLabel : `Konto ${id}`;
}

function toView(r: repo.ReleaseListRow): ReleaseView {
  return {
    ...r,
    createdByLabel: label(r.createdByName, r.createdBy),
    publishedByLabel: label(r.publishedByName, r.publishedBy),
    withdrawnByLabel: label(r.withdrawnByName, r.withdrawnBy),
    contents: [],
  };
}

export async function listReleaseSummaries(
  database: Database,
  systemId?: string,
): Promise<ReleaseView[]> {
  return (await repo.releasesWithNames(database.db, systemId ? { systemId } : {})).map(toView);
}

export async function viewRelease(database: Database, id: number): Promise<ReleaseView> {
  const [row] = await repo.releasesWithNames(database.db, { id });
  if (!row) throw new AppError('not_found', `Die Veröffentlichung ${id} gibt es nicht.`);
  const names = new Map((await repo.listIndicators(database.db)).map((i) => [i.code, i.name]));
  const contents = (await repo.releaseContents(database.db, id)).map((c) => ({
    indicatorCode: c.indicator_code,
    indicatorName: names.get(c.indicator_code) ?? c.indicator_code,
    period: c.period,
    count: Number(c.n),
  }));
  return { ...toView(row), contents };
}

export async function importableSystems(database: Database) {
  return (await repo.systemsWithAreas(database.db)).map((s) => ({ id: s.id, name: s.name }));
}

/** Form values for the next import into a system: the mapping used last time, if any. */
export async function rememberedMapping(
  database: Database,
  systemId: string,
): Promise<{ areaColumn: string; period: string; columns: string } | null> {
  const m = await repo.lastMapping(database.db, systemId);
  if (!m || typeof m['areaColumn'] !== 'string') return null;
  const columns = (m['columns'] ?? {}) as Record<string, string>;
  return {
    areaColumn: m['areaColumn'],
    period: typeof m['period'] === 'string' ? m['period'] : '',
    columns: Object.entries(columns)
      .map(([header, code]) => `${header}=${code}`)
      .join('\n'),
  };
}
