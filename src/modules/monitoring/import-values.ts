// Use case: import a value file as a new release (draft unless published at once), all or nothing.
import { AppError } from '../../core/errors.ts';
import type { Actor } from '../../core/policy.ts';
import type { Database } from '../../db/client.ts';
import { audit } from '../accounts/index.ts';
import * as repo from './monitoring.repository.ts';
import { parseValueFile, type KnownIndicator, type WideMapping } from './parse-values.ts';

export type Acting = Actor | 'cli';

export interface ImportValuesInput {
  systemId: string;
  fileName: string;
  bytes: Uint8Array;
  format?: 'long' | 'wide' | undefined;
  mapping?: WideMapping | undefined;
  /** The source writes "–" for exactly zero (as the Berlin population tables do). */
  dashMeansZero?: boolean | undefined;
  title: string;
  description?: string | undefined;
  source?: string | undefined;
  licence?: string | undefined;
  isExample?: boolean | undefined;
  dryRun?: boolean | undefined;
  /** Publish at once (the seed, or `--publish` on the CLI); otherwise the release is a draft. */
  publish?: boolean | undefined;
  embargoUntil?: Date | null | undefined;
}

export interface ImportValuesSummary {
  dryRun: boolean;
  releaseId: number | null;
  status: 'draft' | 'published' | null;
  format: 'long' | 'wide';
  valueCount: number;
  areaCount: number;
  indicators: string[];
  periods: string[];
  suppressedAtSource: number;
}

export async function importValues(
  database: Database,
  acting: Acting,
  input: ImportValuesInput,
): Promise<ImportValuesSummary> {
  const title = input.title.trim();
  if (title.length < 3 || title.length > 200)
    throw new AppError(
      'invalid_input',
      'Der Titel der Veröffentlichung braucht 3 bis 200 Zeichen.',
    );
  const nodes = await repo.areaNodes(database.db, input.systemId);
  if (nodes.length === 0)
    throw new AppError(
      'not_found',
      `Die Gebietsgliederung „${input.systemId}“ gibt es nicht oder sie hat keine Gebiete.`,
    );
  const areaIds = new Map(nodes.map((n) => [n.code, n.id]));
  const known = new Map<string, KnownIndicator>(
    (await repo.listIndicators(database.db)).map((i) => [
      i.code,
      { code: i.code, kind: i.kind as KnownIndicator['kind'], per: i.per },
    ]),
  );
  const parsed = await parseValueFile(
    {
      fileName: input.fileName,
      bytes: input.bytes,
      format: input.format,
      mapping: input.mapping,
      dashMeansZero: input.dashMeansZero,
    },
    { areaCodes: new Set(areaIds.keys()), indicators: known },
  ).catch((e: unknown) => {
    // Rows of a value file are lines of a table, as a spreadsheet shows them.
    if (e instanceof AppError)
      throw new AppError(
        e.code,
        e.message,
        e.details.map((d) => ({ ...d, unit: 'Zeile' as const })),
      );
    throw e;
  });
  if (parsed.rows.length === 0)
    throw new AppError(
      'import_invalid',
      'Die Datei enthält keine Werte. Es wurde nichts gespeichert.',
      [{ file: input.fileName, message: 'keine Datenzeilen' }],
    );
  const summary: ImportValuesSummary = {
    dryRun: input.dryRun ?? false,
    releaseId: null,
    status: null,
    format: parsed.format,
    valueCount: parsed.rows.length,
    areaCount: new Set(parsed.rows.map((r) => r.areaCode)).size,
    indicators: [...new Set(parsed.rows.map((r) => r.indicatorCode))].sort(),
    periods: [...new Set(parsed.rows.map((r) => r.period))].sort(),
    suppressedAtSource: parsed.rows.filter((r) => r.flag !== 'ok').length,
  };
  if (summary.dryRun) return summary;

  const now = new Date();
  const userId = acting === 'cli' ? null : acting.userId;
  const release = await database.db.transaction(async (tx) => {
    const created = await repo.insertRelease(tx, {
      systemId: input.systemId,
      title,
      description: input.description ?? '',
      status: input.publish ? 'published' : 'draft',
      embargoUntil: input.embargoUntil ?? null,
      source: input.source ?? '',
      licence: input.licence ?? '',
      isExample: input.isExample ?? false,
      fileName: input.fileName,
      format: parsed.format,
      mapping: input.mapping ? { ...input.mapping } : null,
      valueCount: parsed.rows.length,
      createdBy: userId,
      publishedBy: input.publish ? userId : null,
      publishedAt: input.publish ? now : null,
    });
    await repo.insertValues(
      tx,
      parsed.rows.map((r) => ({
        releaseId: created.id,
        areaId: areaIds.get(r.areaCode)!,
        indicatorCode: r.indicatorCode,
        period: r.period,
        value: r.value,
        numerator: r.numerator,
        denominator: r.denominator,
        flag: r.flag,
      })),
    );
    await audit(tx, acting, {
      action: 'release.import',
      entity: 'release',
      entityId: created.id,
      after: {
        title,
        systemId: input.systemId,
        status: created.status,
        file: input.fileName,
        values: parsed.rows.length,
        indicators: summary.indicators,
        periods: summary.periods,
      },
    });
    return created;
  });
  return { ...summary, releaseId: release.id, status: release.status as 'draft' | 'published' };
}
