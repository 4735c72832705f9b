// Logical backup and restore of all tables in schema public, the same on PGlite and PostgreSQL and across them.
// The parts are in ./backup/: format.ts describes the file; catalog.ts and checksums.ts hold the
// SQL that reads the schema and the rows; write.ts, read.ts, restore.ts and inserts.ts do the work.
export { backupFormat, backupFormatVersion } from './backup/format.ts';
export type {
  BackupSummary,
  MigrationState,
  RestoreSummary,
  TableSummary,
} from './backup/types.ts';
export { tableChecksums } from './backup/checksums.ts';
export { backupDatabase } from './backup/write.ts';
export { restoreDatabase } from './backup/restore.ts';
