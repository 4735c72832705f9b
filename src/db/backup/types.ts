// Shapes of backup and restore: the summaries handed to callers and the catalog's view of tables.
import type { Engine } from '../client.ts';

export interface TableSummary {
  table: string;
  rows: number;
  /** md5 hex, see the file format in format.ts. */
  checksum: string;
}

export interface MigrationState {
  /** Number of applied migrations (drizzle.__drizzle_migrations). */
  count: number;
  /** Hash of the newest applied migration; null when none is applied. */
  lastHash: string | null;
  /** Tag of the newest applied migration as this code knows it, e.g. "0002_accounts". */
  version: string | null;
}

export interface BackupSummary {
  file: string;
  /** Size of the compressed file. */
  bytes: number;
  createdAt: string;
  engine: Engine;
  migrations: MigrationState;
  tables: TableSummary[];
  rows: number;
}

export interface RestoreSummary {
  file: string;
  /** When the backup was taken, and on which engine. */
  createdAt: string;
  sourceEngine: Engine;
  engine: Engine;
  migrations: MigrationState;
  /** Per table as found in the database after the restore (verified against the file). */
  tables: TableSummary[];
  rows: number;
}

export type Encoding = 'json' | 'jsonb' | 'text';

export interface ColumnInfo {
  name: string;
  /** format_type() of the column, used for casts on restore. */
  type: string;
  encoding: Encoding;
  notNull: boolean;
  /** Generated (computed) columns are written for the checksum but not inserted. */
  generated: boolean;
  identity: boolean;
  /** Sequence behind an identity or serial column, reset to max() after a restore. */
  sequence: string | null;
}

export interface ForeignKey {
  parent: string;
  columns: string[];
}

export interface TableInfo {
  name: string;
  columns: ColumnInfo[];
  primaryKey: string[];
  foreignKeys: ForeignKey[];
}
