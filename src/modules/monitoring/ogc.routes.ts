// OGC API – Features (Part 1: Core, GeoJSON) under /ogc, so that QGIS and other GIS load the areas
// with their public indicator values: collections = levels of area systems, items = areas.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../core/module.ts';
import '../../core/http.ts';
import { monitoringPolicy } from './monitoring.policy.ts';
import {
  collectionItems,
  findCollection,
  listCollections,
  type CollectionInfo,
} from './view-features.ts';

const open = { config: { policy: monitoringPolicy.viewPublic } };
const geojson = 'application/geo+json; charset=utf-8';

const itemsQuery = z.object({
  limit: z.coerce.number().int().min(1).max(10_000).default(1000),
  offset: z.coerce.number().int().min(0).default(0),
  f: z.enum(['json', 'geojson']).optional(),
});

function base(req: FastifyRequest): string {
  return `${req.protocol}://${req.host}/ogc`;
}

function collectionJson(req: FastifyRequest, c: CollectionInfo) {
  const self = `${base(req)}/collections/${encodeURIComponent(c.id)}`;
  return {
    id: c.id,
    title: c.title,
    description: c.description,
    itemType: 'feature',
    crs: ['http://www.opengis.net/def/crs/OGC/1.3/CRS84'],
    ...(c.bbox
      ? {
          extent: {
            spatial: { bbox: [c.bbox], crs: 'http://www.opengis.net/def/crs/OGC/1.3/CRS84' },
          },
        }
      : {}),
    links: [
      { href: self, rel: 'self', type: 'application/json', title: c.title },
      { href: `${self}/items`, rel: 'items', type: 'application/geo+json', title: 'Gebiete' },
    ],
  };
}

export function ogcRoutes(app: FastifyInstance, { database }: AppContext): void {
  app.get('/ogc', open, async (req) => ({
    title: 'Sozialraum-Plattform – OGC API Features',
    description:
      'Gebietsgliederungen mit ihren öffentlichen Indikatorwerten (geheimhaltungsgeprüft). Sammlungen sind die Ebenen der Gliederungen.',
    links: [
      { href: base(req), rel: 'self', type: 'application/json', title: 'Startseite' },
      { href: `${base(req)}/conformance`, rel: 'conformance', type: 'application/json' },
      { href: `${base(req)}/collections`, rel: 'data', type: 'application/json' },
      {
        href: `${req.protocol}://${req.host}/api/openapi.json`,
        rel: 'service-desc',
        type: 'application/vnd.oai.openapi+json;version=3.1',
      },
    ],
  }));

  app.get('/ogc/conformance', open, async () => ({
    conformsTo: [
      'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core',
      'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson',
    ],
  }));

  app.get('/ogc/collections', open, async (req) => ({
    links: [{ href: `${base(req)}/collections`, rel: 'self', type: 'application/json' }],
    collections: (await listCollections(database)).map((c) => collectionJson(req, c)),
  }));

  app.get('/ogc/collections/:id', open, async (req) => {
    const { id } = z.object({ id: z.string().max(200) }).parse(req.params);
    return collectionJson(req, await findCollection(database, id));
  });

  app.get('/ogc/collections/:id/items', open, async (req, reply) => {
    const { id } = z.object({ id: z.string().max(200) }).parse(req.params);
    const q = itemsQuery.parse(req.query);
    const collection = await findCollection(database, id);
    const page = await collectionItems(database, collection, q);
    const self = `${base(req)}/collections/${encodeURIComponent(id)}/items`;
    const links = [
      {
        href: `${self}?limit=${q.limit}&offset=${q.offset}`,
        rel: 'self',
        type: 'application/geo+json',
      },
      {
        href: `${base(req)}/collections/${encodeURIComponent(id)}`,
        rel: 'collection',
        type: 'application/json',
      },
    ];
    if (q.offset + q.limit < page.numberMatched)
      links.push({
        href: `${self}?limit=${q.limit}&offset=${q.offset + q.limit}`,
        rel: 'next',
        type: 'application/geo+json',
      });
    return reply.type(geojson).send(
      JSON.stringify({
        type: 'FeatureCollection',
        features: page.features,
        numberMatched: page.numberMatched,
        numberReturned: page.features.length,
        timeStamp: new Date().toISOString(),
        links,
        sources: page.sources,
        ...(page.example ? { hinweis: 'Beispieldaten – keine amtlichen Werte' } : {}),
      }),
    );
  });

  app.get('/ogc/collections/:id/items/:code', open, async (req, reply) => {
    const { id, code } = z
      .object({ id: z.string().max(200), code: z.string().max(64) })
      .parse(req.params);
    const collection = await findCollection(database, id);
    const page = await collectionItems(database, collection, { limit: 1, offset: 0, code });
    return reply.type(geojson).send(
      JSON.stringify({
        ...page.features[0],
        links: [
          {
            href: `${base(req)}/collections/${encodeURIComponent(id)}/items/${encodeURIComponent(code)}`,
            rel: 'self',
            type: 'application/geo+json',
          },
          {
            href: `${base(req)}/collections/${encodeURIComponent(id)}`,
            rel: 'collection',
            type: 'application/json',
          },
        ],
      }),
    );
  });
}
