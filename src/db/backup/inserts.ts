// Restore statements per table: insert row chunks, then set deferred foreign-key columns.
import { sql, type SQL } from 'drizzle-orm';
import { AppError } from '../../core/errors.ts';
import type { TableInfo } from './types.ts';
import { quoteIdent, tableRef } from './sql.ts';
import { decodeColumn } from './checksums.ts';

/** A statement taking the rows (JSON text) as its one parameter. */
export type Statement = (rows: string) => SQL;

/**
 * Row lines as text arrays a.v (one element per column, 1-based): each line is parsed once; with
 * `e.r -> i` per column, PostgreSQL would re-read the large geometries for every later column.
 */
function fromRows(alias: string): [string, string] {
  return [
    'json_array_elements(',
    `::json) as e(r) cross join lateral (select array_agg(x.v order by x.n) ` +
      `from json_array_elements_text(e.r) with ordinality as x(v, n)) as ${alias}(v)`,
  ];
}

function statement(before: string, after: string): Statement {
  return (rows) => sql`${sql.raw(before)}${rows}${sql.raw(after)}`;
}

export interface InsertPlan {
  /** Inserts a chunk; with deferred columns it returns their values (JSON text) for later. */
  insert: Statement;
  /** Sets the deferred columns: self-references and references to tables later in the file. */
  update: Statement | null;
}

export function insertPlan(table: TableInfo, before: Set<string>, all: Set<string>): InsertPlan {
  const deferredColumns = new Set<string>();
  for (const fk of table.foreignKeys)
    if (fk.parent === table.name || (all.has(fk.parent) && !before.has(fk.parent)))
      for (const c of fk.columns) deferredColumns.add(c);
  const position = new Map(table.columns.map((c, i) => [c.name, i + 1]));
  const target = table.columns.filter((c) => !c.generated);
  const values = target
    .map((c) =>
      deferredColumns.has(c.name)
        ? `null::${c.type}`
        : decodeColumn(`a.v[${position.get(c.name)}]`, c),
    )
    .join(', ');
  const overriding = target.some((c) => c.identity) ? ' overriding system value' : '';
  const insertInto =
    `insert into ${tableRef(table.name)} (${target.map((c) => quoteIdent(c.name)).join(', ')})` +
    overriding;
  const [open, close] = fromRows('a');
  if (deferredColumns.size === 0)
    return {
      insert: statement(`${insertInto} select ${values} from ${open}`, close),
      update: null,
    };
  const deferred = table.columns.filter((c) => deferredColumns.has(c.name));
  const blocked = deferred.find((c) => c.notNull || table.primaryKey.includes(c.name));
  if (blocked || table.primaryKey.length === 0)
    throw new AppError(
      'internal',
      `Tabelle „${table.name}“ lässt sich nicht wiederherstellen: ihre Fremdschlüssel bilden einen Kreis, ` +
        `und ${blocked ? `Spalte „${blocked.name}“ darf nicht leer sein` : 'sie hat keinen Primärschlüssel'}.`,
    );
  const keys = table.primaryKey.map((name) => table.columns[position.get(name)! - 1]!);
  const picked = [...keys, ...deferred].map((c) => `a.v[${position.get(c.name)}]`).join(', ');
  const anySet = deferred.map((c) => `a.v[${position.get(c.name)}] is not null`).join(' or ');
  const insert = statement(
    `with src as (select a.v from ${open}`,
    `${close}), ins as (${insertInto} select ${values} from src as a) ` +
      `select coalesce(json_agg(json_build_array(${picked}))::text, '[]') as pending ` +
      `from src as a where ${anySet}`,
  );
  const assignments = deferred.map((c, i) => `${quoteIdent(c.name)} = v.d${i}`).join(', ');
  const decoded = [
    ...keys.map((c, i) => `${decodeColumn(`a.v[${i + 1}]`, c)} as k${i}`),
    ...deferred.map((c, i) => `${decodeColumn(`a.v[${keys.length + i + 1}]`, c)} as d${i}`),
  ].join(', ');
  const match = keys.map((c, i) => `t.${quoteIdent(c.name)} = v.k${i}`).join(' and ');
  const update = statement(
    `update ${tableRef(table.name)} as t set ${assignments} from (select ${decoded} from ${open}`,
    `${close}) as v where ${match}`,
  );
  return { insert, update };
}
