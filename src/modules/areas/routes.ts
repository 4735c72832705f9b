// HTTP routes of the areas module: pages under /gebiete and JSON/GeoJSON under /api/v1/areas.
import type { FastifyInstance } from 'fastify';
import type { Feature, FeatureCollection } from 'geojson';
import type { AppContext } from '../../core/module.ts';
import '../../core/http.ts';
import { areasPolicy } from './areas.policy.ts';
import { lookupPoint } from './lookup-point.ts';
import { areaPage, systemPage, systemsPage } from './presenters/area-pages.tsx';
import { lookupPage, mapPage } from './presenters/map-page.tsx';
import {
  areaParamsSchema,
  lookupQuerySchema,
  mapQuerySchema,
  systemParamsSchema,
} from './schema.ts';
import {
  areaGeometry,
  levelShapes,
  listAreaSystems,
  viewArea,
  viewLevelMap,
  viewSystem,
} from './view-areas.ts';

const policy = (name: keyof typeof areasPolicy) => ({ config: { policy: areasPolicy[name] } });
/** Point lookups run geometry tests: limited per address like a search. */
const lookupLimit = {
  config: { policy: areasPolicy.lookupPoint, rateLimit: { max: 120, timeWindow: '1 minute' } },
};

export function areasRoutes(app: FastifyInstance, { database }: AppContext): void {
  app.get('/gebiete', policy('viewSystems'), async (req, reply) => {
    reply.type('text/html').send(systemsPage(req.page, await listAreaSystems(database)));
  });

  app.get('/gebiete/punkt', lookupLimit, async (req, reply) => {
    const q = lookupQuerySchema.parse(req.query);
    reply
      .type('text/html')
      .send(
        lookupPage(req.page, q.lat, q.lon, await lookupPoint(database, q.lon, q.lat, q.system)),
      );
  });

  app.get('/gebiete/:system', policy('viewSystems'), async (req, reply) => {
    const { system } = systemParamsSchema.parse(req.params);
    reply.type('text/html').send(systemPage(req.page, await viewSystem(database, system)));
  });

  app.get('/gebiete/:system/karte', policy('viewMap'), async (req, reply) => {
    const { system } = systemParamsSchema.parse(req.params);
    const { level } = mapQuerySchema.parse(req.query);
    reply.type('text/html').send(mapPage(req.page, await viewLevelMap(database, system, level)));
  });

  app.get('/gebiete/:system/:code', policy('viewArea'), async (req, reply) => {
    const { system, code } = areaParamsSchema.parse(req.params);
    reply.type('text/html').send(areaPage(req.page, await viewArea(database, system, code)));
  });

  app.get('/api/v1/areas/systems', policy('viewSystems'), async () => {
    const systems = await listAreaSystems(database);
    return systems.map((s) => ({
      id: s.id,
      name: s.name,
      levels: s.levels.map((l) => ({ key: l.key, name: l.name, rank: l.rank })),
      areaCount: s.areaCount,
      validFrom: s.validFrom,
      validTo: s.validTo,
      source: s.source,
      licence: s.licence,
      isExample: s.isExample,
    }));
  });

  app.get('/api/v1/areas/lookup', lookupLimit, async (req) => {
    const q = lookupQuerySchema.parse(req.query);
    return { lat: q.lat, lon: q.lon, areas: await lookupPoint(database, q.lon, q.lat, q.system) };
  });

  app.get('/api/v1/areas/:system/geojson', policy('viewMap'), async (req, reply) => {
    const { system } = systemParamsSchema.parse(req.params);
    const { level } = mapQuerySchema.parse(req.query);
    const shapes = await levelShapes(database, system, level);
    const collection: FeatureCollection = {
      type: 'FeatureCollection',
      features: shapes.map((s): Feature => ({
        type: 'Feature',
        id: s.id,
        properties: { code: s.code, name: s.name, level: s.levelKey, population: s.population },
        geometry: s.geometry!,
      })),
    };
    reply
      .type('application/geo+json')
      .header('cache-control', 'public, max-age=300')
      .send(collection);
  });

  app.get('/api/v1/areas/:system/:code/geojson', policy('viewArea'), async (req, reply) => {
    const { system, code } = areaParamsSchema.parse(req.params);
    const a = await areaGeometry(database, system, code);
    const feature: Feature = {
      type: 'Feature',
      properties: {
        code: a.code,
        name: a.name,
        level: a.levelKey,
        population: a.population,
        populationDate: a.populationDate,
      },
      geometry: a.geometry ?? (null as unknown as Feature['geometry']),
    };
    reply
      .type('application/geo+json')
      .header(
        'content-disposition',
        `attachment; filename="${system}-${code.replace(/[^A-Za-z0-9_-]/g, '_')}.geojson"`,
      )
      .send(feature);
  });
}
