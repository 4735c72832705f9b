// SQL helpers for backup and restore: running statements, quoting names, fixed output settings.
import { sql, type SQL } from 'drizzle-orm';

/** Anything that runs SQL: the database or an open transaction. */
export interface Executor {
  execute(statement: SQL): PromiseLike<unknown>;
}

export async function run<T = Record<string, unknown>>(ex: Executor, statement: SQL): Promise<T[]> {
  const result = (await ex.execute(statement)) as { rows?: T[] };
  return result.rows ?? [];
}

export function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

export function tableRef(name: string): string {
  return `public.${quoteIdent(name)}`;
}

/** Session settings that make every value's text output the same on both engines. */
export async function fixOutputSettings(tx: Executor): Promise<void> {
  await tx.execute(sql`set local timezone = 'UTC'`);
  await tx.execute(sql`set local datestyle = 'ISO, YMD'`);
  await tx.execute(sql`set local intervalstyle = 'postgres'`);
  await tx.execute(sql`set local extra_float_digits = 1`);
  await tx.execute(sql`set local bytea_output = 'hex'`);
}
