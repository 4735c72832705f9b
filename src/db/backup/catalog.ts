// Catalog queries: the tables of schema public in foreign-key order, and the migration state.
import { sql } from 'drizzle-orm';
import type { MigrationState, TableInfo } from './types.ts';
import { run, type Executor } from './sql.ts';

/** Base types that to_json() writes as JSON numbers, booleans or ISO 8601 strings. */
const jsonNative = new Set([
  'int2',
  'int4',
  'int8',
  'float4',
  'float8',
  'numeric',
  'bool',
  'date',
  'timestamp',
  'timestamptz',
]);

export async function readCatalog(tx: Executor): Promise<TableInfo[]> {
  const tables = await run<{ name: string }>(
    tx,
    sql`select c.relname as name
          from pg_class c join pg_namespace n on n.oid = c.relnamespace
         where n.nspname = 'public' and c.relkind in ('r', 'p') and not c.relispartition
         order by c.relname`,
  );
  const columns = await run<{
    table: string;
    name: string;
    type: string;
    base: string;
    not_null: boolean;
    generated: boolean;
    identity: boolean;
    sequence: string | null;
  }>(
    tx,
    sql`select c.relname as table, a.attname as name, format_type(a.atttypid, a.atttypmod) as type,
               bt.typname as base, a.attnotnull as not_null, a.attgenerated <> '' as generated,
               a.attidentity <> '' as identity,
               pg_get_serial_sequence(format('%I.%I', n.nspname, c.relname), a.attname) as sequence
          from pg_attribute a
          join pg_class c on c.oid = a.attrelid
          join pg_namespace n on n.oid = c.relnamespace
          join pg_type t on t.oid = a.atttypid
          join pg_type bt on bt.oid = case when t.typtype = 'd' then t.typbasetype else t.oid end
         where n.nspname = 'public' and c.relkind in ('r', 'p') and not c.relispartition
           and a.attnum > 0 and not a.attisdropped
         order by c.relname, a.attnum`,
  );
  const constraints = await run<{
    table: string;
    kind: string;
    parent: string | null;
    parent_schema: string | null;
    columns: string;
  }>(
    tx,
    sql`select c.relname as table, con.contype::text as kind, p.relname as parent,
               pn.nspname as parent_schema,
               (select json_agg(a.attname::text order by k.ord)
                  from unnest(con.conkey) with ordinality as k(num, ord)
                  join pg_attribute a on a.attrelid = con.conrelid and a.attnum = k.num)::text as columns
          from pg_constraint con
          join pg_class c on c.oid = con.conrelid
          join pg_namespace n on n.oid = c.relnamespace
          left join pg_class p on p.oid = con.confrelid
          left join pg_namespace pn on pn.oid = p.relnamespace
         where n.nspname = 'public' and con.contype in ('p', 'f')
         order by c.relname, con.conname`,
  );
  const byName = new Map<string, TableInfo>();
  for (const t of tables)
    byName.set(t.name, { name: t.name, columns: [], primaryKey: [], foreignKeys: [] });
  for (const c of columns) {
    byName.get(c.table)?.columns.push({
      name: c.name,
      type: c.type,
      encoding: c.base === 'jsonb' ? 'jsonb' : jsonNative.has(c.base) ? 'json' : 'text',
      notNull: c.not_null,
      generated: c.generated,
      identity: c.identity,
      sequence: c.sequence,
    });
  }
  for (const con of constraints) {
    const table = byName.get(con.table);
    if (!table) continue;
    const cols = JSON.parse(con.columns) as string[];
    if (con.kind === 'p') table.primaryKey = cols;
    else if (con.parent && con.parent_schema === 'public')
      table.foreignKeys.push({ parent: con.parent, columns: cols });
  }
  return dependencyOrder([...byName.values()]);
}

/**
 * Tables ordered so that referenced tables come first (self-references are left aside; rows of a
 * table referencing itself get those columns set after all its rows are in). A cycle between
 * tables is broken at the alphabetically first table; restore then defers the affected columns.
 */
function dependencyOrder(tables: TableInfo[]): TableInfo[] {
  const pending = new Map(tables.map((t) => [t.name, t]));
  const order: TableInfo[] = [];
  while (pending.size > 0) {
    const names = [...pending.keys()].sort();
    const ready = names.find((name) =>
      pending.get(name)!.foreignKeys.every((fk) => fk.parent === name || !pending.has(fk.parent)),
    );
    const next = ready ?? names[0]!;
    order.push(pending.get(next)!);
    pending.delete(next);
  }
  return order;
}

export async function migrationState(tx: Executor): Promise<Omit<MigrationState, 'version'>> {
  const [exists] = await run<{ ok: boolean }>(
    tx,
    sql`select to_regclass('drizzle.__drizzle_migrations') is not null as ok`,
  );
  if (!exists?.ok) return { count: 0, lastHash: null };
  const [row] = await run<{ count: number; last_hash: string | null }>(
    tx,
    sql`select (select count(*) from drizzle.__drizzle_migrations) as count,
               (select hash from drizzle.__drizzle_migrations
                 order by created_at desc, id desc limit 1) as last_hash`,
  );
  return { count: Number(row?.count ?? 0), lastHash: row?.last_hash ?? null };
}
