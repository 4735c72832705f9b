// The audit trail: every write by staff records who, when, what, and the state before and after.
import type { Db } from '../../db/client.ts';
import type { Actor } from '../../core/policy.ts';
import { insertAudit } from './accounts.repository.ts';

export interface AuditEntry {
  action: string;
  entity: string;
  entityId: string | number;
  before?: unknown;
  after?: unknown;
}

/** Writes the entry in the caller's transaction, so the trace exists exactly when the change does. */
export async function audit(
  db: Db,
  actor: Pick<Actor, 'userId' | 'email'> | 'cli',
  entry: AuditEntry,
  ip?: string,
): Promise<void> {
  await insertAudit(db, {
    actorUserId: actor === 'cli' ? null : actor.userId,
    actorLabel: actor === 'cli' ? 'Kommandozeile' : actor.email,
    action: entry.action,
    entity: entry.entity,
    entityId: String(entry.entityId),
    before: entry.before ?? null,
    after: entry.after ?? null,
    ip: ip ?? null,
  });
}
