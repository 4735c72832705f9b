// Tables of the monitoring module: indicator catalogue, releases of values, index configurations and results.
import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  doublePrecision,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
} from 'drizzle-orm/pg-core';
import { areaSystems, areas } from './areas.ts';
import { users } from './accounts.ts';

export const indicatorTopics = pgTable('indicator_topics', {
  key: text('key').primaryKey(),
  name: text('name').notNull(),
  rank: integer('rank').notNull().default(0),
});

export const indicators = pgTable(
  'indicators',
  {
    code: text('code').primaryKey(),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    topicKey: text('topic_key')
      .notNull()
      .references(() => indicatorTopics.key),
    unit: text('unit').notNull().default(''),
    /** count | share | rate | change_pp | index | value */
    kind: text('kind').notNull(),
    numeratorCode: text('numerator_code'),
    denominatorCode: text('denominator_code'),
    /** 100 for a share in %, 1000 for a rate per 1,000. */
    per: integer('per').notNull().default(100),
    /** high_bad | high_good | neutral */
    polarity: text('polarity').notNull().default('neutral'),
    source: text('source').notNull().default(''),
    licence: text('licence').notNull().default(''),
    /** Disclosure rule: counts below it are never published. */
    minCount: integer('min_count').notNull().default(3),
    precision: integer('precision').notNull().default(1),
    isPublic: boolean('is_public').notNull().default(true),
    isExample: boolean('is_example').notNull().default(false),
    rank: integer('rank').notNull().default(0),
  },
  (t) => [
    foreignKey({ columns: [t.numeratorCode], foreignColumns: [t.code] }),
    foreignKey({ columns: [t.denominatorCode], foreignColumns: [t.code] }),
    check(
      'indicators_kind_check',
      sql`${t.kind} in ('count', 'share', 'rate', 'change_pp', 'index', 'value')`,
    ),
    check('indicators_polarity_check', sql`${t.polarity} in ('high_bad', 'high_good', 'neutral')`),
  ],
);

export const releases = pgTable(
  'releases',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    systemId: text('system_id')
      .notNull()
      .references(() => areaSystems.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    /** draft | published | withdrawn */
    status: text('status').notNull().default('draft'),
    /** A published release is public only from this moment on. */
    embargoUntil: timestamp('embargo_until', { withTimezone: true }),
    source: text('source').notNull().default(''),
    licence: text('licence').notNull().default(''),
    isExample: boolean('is_example').notNull().default(false),
    fileName: text('file_name'),
    /** How the file was read (long/wide and the column mapping), offered again for the next import. */
    format: text('format'),
    mapping: jsonb('mapping').$type<Record<string, unknown>>(),
    valueCount: integer('value_count').notNull().default(0),
    createdBy: integer('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    publishedBy: integer('published_by').references(() => users.id, { onDelete: 'set null' }),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    withdrawnBy: integer('withdrawn_by').references(() => users.id, { onDelete: 'set null' }),
    withdrawnAt: timestamp('withdrawn_at', { withTimezone: true }),
  },
  (t) => [
    index('releases_system_status_idx').on(t.systemId, t.status),
    check('releases_status_check', sql`${t.status} in ('draft', 'published', 'withdrawn')`),
  ],
);

export const indicatorValues = pgTable(
  'indicator_values',
  {
    releaseId: integer('release_id')
      .notNull()
      .references(() => releases.id, { onDelete: 'cascade' }),
    areaId: integer('area_id')
      .notNull()
      .references(() => areas.id, { onDelete: 'cascade' }),
    indicatorCode: text('indicator_code')
      .notNull()
      .references(() => indicators.code),
    /** ISO form: 2021, 2021-06 or 2021-12-31. */
    period: text('period').notNull(),
    value: doublePrecision('value'),
    numerator: doublePrecision('numerator'),
    denominator: doublePrecision('denominator'),
    /** ok | suppressed (withheld at the source) | missing */
    flag: text('flag').notNull().default('ok'),
  },
  (t) => [
    primaryKey({ columns: [t.releaseId, t.areaId, t.indicatorCode, t.period] }),
    index('indicator_values_lookup_idx').on(t.indicatorCode, t.period, t.areaId),
    index('indicator_values_area_idx').on(t.areaId, t.indicatorCode),
    check('indicator_values_flag_check', sql`${t.flag} in ('ok', 'suppressed', 'missing')`),
  ],
);

export const indexConfigs = pgTable('index_configs', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  description: text('description').notNull().default(''),
  systemId: text('system_id')
    .notNull()
    .references(() => areaSystems.id, { onDelete: 'cascade' }),
  levelKey: text('level_key').notNull(),
  /** The method's parameters (indicators, minimum population and units, cut-offs), validated on write. */
  config: jsonb('config').$type<Record<string, unknown>>().notNull(),
  isExample: boolean('is_example').notNull().default(false),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export const indexRuns = pgTable(
  'index_runs',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    configId: text('config_id')
      .notNull()
      .references(() => indexConfigs.id, { onDelete: 'cascade' }),
    systemId: text('system_id').notNull(),
    levelKey: text('level_key').notNull(),
    period: text('period').notNull(),
    /** The configuration exactly as used. */
    configSnapshot: jsonb('config_snapshot').$type<Record<string, unknown>>().notNull(),
    releaseIds: jsonb('release_ids').$type<number[]>().notNull(),
    indexedCount: integer('indexed_count').notNull(),
    computedAt: timestamp('computed_at', { withTimezone: true }).notNull().defaultNow(),
    computedBy: integer('computed_by').references(() => users.id, { onDelete: 'set null' }),
  },
  (t) => [index('index_runs_config_idx').on(t.configId, t.period)],
);

export const indexResults = pgTable(
  'index_results',
  {
    runId: integer('run_id')
      .notNull()
      .references(() => indexRuns.id, { onDelete: 'cascade' }),
    areaId: integer('area_id')
      .notNull()
      .references(() => areas.id, { onDelete: 'cascade' }),
    statusIndex: doublePrecision('status_index'),
    statusClass: text('status_class'),
    dynamicsIndex: doublePrecision('dynamics_index'),
    dynamicsClass: text('dynamics_class'),
    notIndexedReason: text('not_indexed_reason'),
  },
  (t) => [primaryKey({ columns: [t.runId, t.areaId] })],
);
