// Tables of area systems (Gebietsgliederungen), their levels and areas.
import {
  boolean,
  date,
  doublePrecision,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
} from 'drizzle-orm/pg-core';
import type { Geometry } from 'geojson';

export const areaSystems = pgTable('area_systems', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  description: text('description').notNull().default(''),
  validFrom: date('valid_from'),
  validTo: date('valid_to'),
  source: text('source').notNull().default(''),
  licence: text('licence').notNull().default(''),
  /** Example data (Beispieldaten) is labelled wherever it is shown. */
  isExample: boolean('is_example').notNull().default(false),
  /** Why some areas have no geometry, shown on the pages. */
  geometryNote: text('geometry_note'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export const areaLevels = pgTable(
  'area_levels',
  {
    systemId: text('system_id')
      .notNull()
      .references(() => areaSystems.id, { onDelete: 'cascade' }),
    key: text('key').notNull(),
    name: text('name').notNull(),
    /** 0 is the top level; each level's parents are on the level above. */
    rank: integer('rank').notNull(),
  },
  (t) => [primaryKey({ columns: [t.systemId, t.key] }), unique().on(t.systemId, t.rank)],
);

export const areas = pgTable(
  'areas',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    systemId: text('system_id')
      .notNull()
      .references(() => areaSystems.id, { onDelete: 'cascade' }),
    code: text('code').notNull(),
    name: text('name').notNull(),
    levelKey: text('level_key').notNull(),
    parentId: integer('parent_id'),
    population: integer('population'),
    populationDate: date('population_date'),
    populationSource: text('population_source'),
    /** Full geometry in WGS84 (RFC 7946), as imported. */
    geometry: jsonb('geometry').$type<Geometry>(),
    /** Simplified geometry for maps. */
    displayGeometry: jsonb('display_geometry').$type<Geometry>(),
    minLon: doublePrecision('min_lon'),
    minLat: doublePrecision('min_lat'),
    maxLon: doublePrecision('max_lon'),
    maxLat: doublePrecision('max_lat'),
    /** Geodesic area in m², computed from the geometry. */
    areaM2: doublePrecision('area_m2'),
    attributes: jsonb('attributes').$type<Record<string, unknown>>().notNull().default({}),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('areas_system_code_key').on(t.systemId, t.code),
    foreignKey({
      columns: [t.systemId, t.levelKey],
      foreignColumns: [areaLevels.systemId, areaLevels.key],
    }),
    foreignKey({ columns: [t.parentId], foreignColumns: [t.id] }).onDelete('cascade'),
    index('areas_parent_idx').on(t.parentId),
    index('areas_system_level_idx').on(t.systemId, t.levelKey),
    index('areas_bbox_idx').on(t.systemId, t.minLon, t.maxLon, t.minLat, t.maxLat),
  ],
);
