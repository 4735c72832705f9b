// The OpenAPI 3.1 description of the JSON API (/api/v1) and OGC API Features (/ogc), served at
// /api/openapi.json. A test checks that every registered API route is described here.
const text = { type: 'string' };
const param = (
  name: string,
  where: 'path' | 'query',
  description: string,
  required = where === 'path',
) => ({
  name,
  in: where,
  required,
  description,
  schema: text,
});
const json = (description: string) => ({
  description,
  content: { 'application/json': { schema: { type: 'object' } } },
});
const geojson = (description: string) => ({
  description,
  content: { 'application/geo+json': { schema: { type: 'object' } } },
});
const errors = {
  '400': json('Ungültige Eingabe (Fehlermeldung auf Deutsch)'),
  '404': json('Nicht gefunden'),
  '429': json('Zu viele Anfragen'),
};

export const openApiDocument = {
  openapi: '3.1.0',
  info: {
    title: 'Sozialraum-Plattform API',
    version: '1',
    description:
      'Gebietsgliederungen, Indikatorwerte (nur veröffentlichte, geheimhaltungsgeprüfte Werte), Index und OGC API Features. Beispieldaten sind in jeder Antwort gekennzeichnet.',
    license: { name: 'EUPL-1.2', identifier: 'EUPL-1.2' },
  },
  paths: {
    '/api/v1/areas/systems': {
      get: { summary: 'Gebietsgliederungen mit Ebenen', responses: { '200': json('Liste') } },
    },
    '/api/v1/areas/lookup': {
      get: {
        summary: 'Gebiete, die einen Punkt (WGS84) enthalten',
        parameters: [
          param('lat', 'query', 'Breitengrad', true),
          param('lon', 'query', 'Längengrad', true),
          param('system', 'query', 'nur diese Gliederung'),
        ],
        responses: { '200': json('Treffer'), ...errors },
      },
    },
    '/api/v1/areas/{system}/geojson': {
      get: {
        summary: 'Grenzen einer Ebene als GeoJSON',
        parameters: [param('system', 'path', 'Gliederung'), param('level', 'query', 'Ebene')],
        responses: { '200': geojson('FeatureCollection'), ...errors },
      },
    },
    '/api/v1/areas/{system}/{code}/geojson': {
      get: {
        summary: 'Grenze eines Gebiets als GeoJSON',
        parameters: [
          param('system', 'path', 'Gliederung'),
          param('code', 'path', 'Gebietsschlüssel'),
        ],
        responses: { '200': geojson('Feature'), ...errors },
      },
    },
    '/api/v1/monitoring/werte': {
      get: {
        summary: 'Werte eines Indikators auf einer Ebene zu einem Zeitraum (wie auf der Karte)',
        parameters: [
          param('system', 'query', 'Gliederung', true),
          param('indikator', 'query', 'Indikatorcode', true),
          param('zeitraum', 'query', 'Zeitraum (Standard: der jüngste)'),
          param('ebene', 'query', 'Ebene (Standard: die feinste mit Werten)'),
          param('format', 'query', 'csv (Standard), xlsx, json oder geojson'),
          param('dezimalkomma', 'query', 'CSV: 1 (Standard) Dezimalkomma, 0 Dezimalpunkt'),
        ],
        responses: {
          '200': {
            description: 'Werte mit Quelle und Lizenz; gesperrte Werte als "." bzw. null mit Grund',
            content: {
              'text/csv': { schema: text },
              'application/json': { schema: { type: 'object' } },
              'application/geo+json': { schema: { type: 'object' } },
              'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': {
                schema: { type: 'string', format: 'binary' },
              },
            },
          },
          ...errors,
        },
      },
    },
    '/api/v1/monitoring/indikatoren': {
      get: { summary: 'Der Indikatorenkatalog nach Themen', responses: { '200': json('Katalog') } },
    },
    '/api/v1/monitoring/index/{config}.csv': {
      get: {
        summary: 'Status- und Dynamikindex als CSV',
        parameters: [
          param('config', 'path', 'Index-Konfiguration'),
          param('zeitraum', 'query', 'Zeitraum'),
        ],
        responses: {
          '200': {
            description: 'area_code,status_index,status_class,dynamics_index,dynamics_class',
            content: { 'text/csv': { schema: text } },
          },
          ...errors,
        },
      },
    },
    '/ogc': {
      get: { summary: 'OGC API Features: Startseite', responses: { '200': json('Links') } },
    },
    '/ogc/conformance': {
      get: { summary: 'Erfüllte Konformitätsklassen', responses: { '200': json('conformsTo') } },
    },
    '/ogc/collections': {
      get: {
        summary: 'Sammlungen (Ebenen der Gliederungen)',
        responses: { '200': json('Sammlungen') },
      },
    },
    '/ogc/collections/{id}': {
      get: {
        summary: 'Eine Sammlung',
        parameters: [param('id', 'path', 'Gliederung.Ebene, z. B. berlin-lor-2021.planungsraum')],
        responses: { '200': json('Sammlung'), ...errors },
      },
    },
    '/ogc/collections/{id}/items': {
      get: {
        summary: 'Gebiete mit den jüngsten öffentlichen Indikatorwerten',
        parameters: [
          param('id', 'path', 'Sammlung'),
          param('limit', 'query', 'höchstens so viele (Standard 1000)'),
          param('offset', 'query', 'ab diesem Eintrag'),
        ],
        responses: { '200': geojson('FeatureCollection'), ...errors },
      },
    },
    '/ogc/collections/{id}/items/{code}': {
      get: {
        summary: 'Ein Gebiet',
        parameters: [param('id', 'path', 'Sammlung'), param('code', 'path', 'Gebietsschlüssel')],
        responses: { '200': geojson('Feature'), ...errors },
      },
    },
  },
} as const;
