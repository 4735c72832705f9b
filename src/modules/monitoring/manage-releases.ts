// Use cases of a release's life: publish (optionally under embargo), withdraw, delete while unpublished.
import { AppError } from '../../core/errors.ts';
import type { Database } from '../../db/client.ts';
import { audit } from '../accounts/index.ts';
import type { Acting } from './import-values.ts';
import * as repo from './monitoring.repository.ts';

/** Midnight at the start of a calendar day in Europe/Berlin (CET or CEST), as an instant. */
export function startOfDayInBerlin(day: string): Date {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day))
    throw new AppError('invalid_input', `„${day}“ ist kein Datum der Form JJJJ-MM-TT.`);
  for (const offset of ['+01:00', '+02:00']) {
    const at = new Date(`${day}T00:00:00${offset}`);
    const hour = new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Europe/Berlin',
      hour: 'numeric',
      hourCycle: 'h23',
    })
      .formatToParts(at)
      .find((p) => p.type === 'hour')?.value;
    if (Number(hour) === 0 && !Number.isNaN(at.getTime())) return at;
  }
  throw new AppError('invalid_input', `„${day}“ ist kein gültiges Datum.`);
}

function userOf(acting: Acting): number | null {
  return acting === 'cli' ? null : acting.userId;
}

async function requireRelease(database: Database, id: number): Promise<repo.ReleaseRow> {
  const release = await repo.findRelease(database.db, id);
  if (!release) throw new AppError('not_found', `Die Veröffentlichung ${id} gibt es nicht.`);
  return release;
}

function snapshot(r: repo.ReleaseRow) {
  return { status: r.status, embargoUntil: r.embargoUntil?.toISOString() ?? null, title: r.title };
}

export async function publishRelease(
  database: Database,
  acting: Acting,
  id: number,
  embargoUntil: Date | null = null,
): Promise<repo.ReleaseRow> {
  const release = await requireRelease(database, id);
  if (release.status === 'published')
    throw new AppError('conflict', `Die Veröffentlichung ${id} ist schon veröffentlicht.`);
  if (embargoUntil && Number.isNaN(embargoUntil.getTime()))
    throw new AppError('invalid_input', 'Das Sperrdatum ist kein gültiges Datum.');
  return database.db.transaction(async (tx) => {
    const updated = await repo.updateRelease(tx, id, {
      status: 'published',
      embargoUntil,
      publishedAt: new Date(),
      publishedBy: userOf(acting),
      withdrawnAt: null,
      withdrawnBy: null,
    });
    await audit(tx, acting, {
      action: 'release.publish',
      entity: 'release',
      entityId: id,
      before: snapshot(release),
      after: snapshot(updated!),
    });
    return updated!;
  });
}

/** Takes a published release back: its values are no longer public; the older ones apply again. */
export async function withdrawRelease(
  database: Database,
  acting: Acting,
  id: number,
): Promise<repo.ReleaseRow> {
  const release = await requireRelease(database, id);
  if (release.status !== 'published')
    throw new AppError('conflict', `Die Veröffentlichung ${id} ist nicht veröffentlicht.`);
  return database.db.transaction(async (tx) => {
    const updated = await repo.updateRelease(tx, id, {
      status: 'withdrawn',
      withdrawnAt: new Date(),
      withdrawnBy: userOf(acting),
    });
    await audit(tx, acting, {
      action: 'release.withdraw',
      entity: 'release',
      entityId: id,
      before: snapshot(release),
      after: snapshot(updated!),
    });
    return updated!;
  });
}

/** Deletes a draft or withdrawn release with its values; a published one must be withdrawn first. */
export async function deleteRelease(database: Database, acting: Acting, id: number): Promise<void> {
  const release = await requireRelease(database, id);
  if (release.status === 'published')
    throw new AppError(
      'conflict',
      `Die Veröffentlichung ${id} ist veröffentlicht. Ziehen Sie sie zuerst zurück; dann kann sie gelöscht werden.`,
    );
  await database.db.transaction(async (tx) => {
    await repo.deleteRelease(tx, id);
    await audit(tx, acting, {
      action: 'release.delete',
      entity: 'release',
      entityId: id,
      before: { ...snapshot(release), values: release.valueCount, file: release.fileName },
    });
  });
}
