// Public routes of the monitoring module: overview, catalogue, profiles, comparison, map, ranking,
// index pages; exports and JSON under /api/v1/monitoring. Values leave only through resolve-values.ts.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AppError } from '../../core/errors.ts';
import type { AppContext } from '../../core/module.ts';
import { hasRole } from '../../core/policy.ts';
import '../../core/http.ts';
import { PdfUnavailableError, renderPdf } from '../../ui/pdf.ts';
import { indexExportCsv } from './compute-index.ts';
import { toCsv, toGeoJson, toJson, toXlsx } from './export-values.ts';
import { monitoringPolicy } from './monitoring.policy.ts';
import { comparisonPage } from './presenters/comparison-page.tsx';
import { indexPage } from './presenters/index-page.tsx';
import { mapPage } from './presenters/map-page.tsx';
import { cataloguePage, overviewPage, systemPage } from './presenters/overview-pages.tsx';
import { profilePage } from './presenters/profile-page.tsx';
import { rankingPage } from './presenters/ranking-page.tsx';
import type { Viewer } from './resolve-values.ts';
import {
  compareQuerySchema,
  exportQuerySchema,
  indexParamsSchema,
  indexQuerySchema,
  mapQuerySchema,
  profileParamsSchema,
  rankingQuerySchema,
  systemParamsSchema,
} from './schema.ts';
import { viewComparison } from './view-comparison.ts';
import { viewIndex } from './view-index.ts';
import { viewLevel } from './view-level.ts';
import { viewCatalogue, viewOverview, viewSystem } from './view-overview.ts';
import { viewProfile } from './view-profile.ts';

const html = 'text/html; charset=utf-8';
const open = { config: { policy: monitoringPolicy.viewPublic } };
/** Pages that compute over a whole system are limited per address like a search. */
const heavy = {
  config: { policy: monitoringPolicy.viewPublic, rateLimit: { max: 120, timeWindow: '1 minute' } },
};

const previewSchema = z.object({ vorschau: z.coerce.number().int().positive().optional() });

function viewerOf(req: FastifyRequest): Viewer {
  const internal = hasRole(req.actor, 'statistician') || hasRole(req.actor, 'admin');
  const { vorschau } = previewSchema.parse(req.query ?? {});
  return { internal, previewReleaseId: vorschau };
}

/** Manual class breaks "1,5; 3; 4,5" or "1.5,3,4.5" → numbers; invalid input yields an error text. */
function parseBreaks(text: string | undefined): { breaks: number[] | null; error?: string } {
  if (!text || text.trim() === '') return { breaks: null };
  const parts = text.includes(';') ? text.split(';') : text.split(/\s+|,(?=\s*-?\d)/);
  const numbers = parts
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => Number(p.replace(',', '.')));
  if (numbers.some((n) => !Number.isFinite(n)))
    return { breaks: null, error: `Die Klassengrenzen „${text}“ sind keine Zahlenliste.` };
  return { breaks: numbers };
}

export function monitoringRoutes(app: FastifyInstance, { database }: AppContext): void {
  const sendHtml = (reply: FastifyReply, body: string) => reply.type(html).send(body);

  app.get('/monitoring', open, async (req, reply) =>
    sendHtml(reply, overviewPage(req.page, await viewOverview(database, viewerOf(req)))),
  );

  app.get('/monitoring/indikatoren', open, async (req, reply) =>
    sendHtml(reply, cataloguePage(req.page, await viewCatalogue(database, viewerOf(req)))),
  );

  app.get('/monitoring/index/:config', heavy, async (req, reply) => {
    const { config } = indexParamsSchema.parse(req.params);
    const { zeitraum } = indexQuerySchema.parse(req.query);
    sendHtml(
      reply,
      indexPage(req.page, await viewIndex(database, config, viewerOf(req), zeitraum)),
    );
  });

  app.get('/monitoring/:system', open, async (req, reply) => {
    const { system } = systemParamsSchema.parse(req.params);
    sendHtml(reply, systemPage(req.page, await viewSystem(database, system, viewerOf(req))));
  });

  app.get('/monitoring/:system/gebiet/:code', heavy, async (req, reply) => {
    const { system, code } = profileParamsSchema.parse(req.params);
    const { zeitraum } = indexQuerySchema.parse(req.query);
    sendHtml(
      reply,
      profilePage(req.page, await viewProfile(database, system, code, viewerOf(req), zeitraum)),
    );
  });

  app.get(
    '/monitoring/:system/gebiet/:code/steckbrief.pdf',
    {
      config: {
        policy: monitoringPolicy.viewPublic,
        rateLimit: { max: 10, timeWindow: '1 minute' },
      },
    },
    async (req, reply) => {
      const { system, code } = profileParamsSchema.parse(req.params);
      const { zeitraum } = indexQuerySchema.parse(req.query);
      // The PDF is the public page: rendered without the viewer's session.
      const path = `/monitoring/${encodeURIComponent(system)}/gebiet/${encodeURIComponent(code)}${zeitraum ? `?zeitraum=${encodeURIComponent(zeitraum)}` : ''}`;
      const first = await app.inject({ method: 'GET', url: path });
      if (first.statusCode !== 200)
        throw new AppError('not_found', 'Diesen Steckbrief gibt es nicht.');
      try {
        const pdf = await renderPdf(path, async (p) => {
          const res = await app.inject({ method: 'GET', url: p });
          return {
            status: res.statusCode,
            contentType: String(res.headers['content-type'] ?? 'application/octet-stream'),
            body: res.rawPayload,
          };
        });
        return reply
          .type('application/pdf')
          .header('content-disposition', `attachment; filename="steckbrief-${system}-${code}.pdf"`)
          .send(pdf);
      } catch (e) {
        if (e instanceof PdfUnavailableError)
          return reply.code(503).type('text/plain; charset=utf-8').send(e.message);
        throw e;
      }
    },
  );

  app.get('/monitoring/:system/vergleich', heavy, async (req, reply) => {
    const { system } = systemParamsSchema.parse(req.params);
    const q = compareQuerySchema.parse(req.query);
    sendHtml(
      reply,
      comparisonPage(
        req.page,
        await viewComparison(database, system, q.gebiete, viewerOf(req), q.zeitraum),
      ),
    );
  });

  app.get('/monitoring/:system/karte', heavy, async (req, reply) => {
    const { system } = systemParamsSchema.parse(req.params);
    const q = mapQuerySchema.parse(req.query);
    const view = await viewLevel(
      database,
      system,
      { indicator: q.indikator, period: q.zeitraum, level: q.ebene, shapes: true },
      viewerOf(req),
    );
    const manual = q.klassen === 'manual' ? parseBreaks(q.grenzen) : { breaks: null };
    sendHtml(
      reply,
      mapPage(req.page, view, {
        method: q.klassen,
        classes: q.anzahl,
        manualBreaks: manual.breaks,
        ...(manual.error ? { error: manual.error } : {}),
      }),
    );
  });

  app.get('/monitoring/:system/rangliste', heavy, async (req, reply) => {
    const { system } = systemParamsSchema.parse(req.params);
    const q = rankingQuerySchema.parse(req.query);
    const view = await viewLevel(
      database,
      system,
      { indicator: q.indikator, period: q.zeitraum, level: q.ebene },
      viewerOf(req),
    );
    sendHtml(reply, rankingPage(req.page, view, q.sortierung));
  });

  app.get('/api/v1/monitoring/werte', heavy, async (req, reply) => {
    const q = exportQuerySchema.parse(req.query);
    if (q.indikator.length !== 1)
      throw new AppError('invalid_input', 'Bitte genau einen Indikator angeben.');
    const view = await viewLevel(
      database,
      q.system,
      {
        indicator: q.indikator[0],
        period: q.zeitraum,
        level: q.ebene,
        shapes: q.format === 'geojson',
      },
      viewerOf(req),
    );
    const name = `${view.system.id}-${view.level.key}-${view.indicator.code}-${view.period}`;
    if (q.format === 'json') return toJson(view);
    if (q.format === 'geojson')
      return reply
        .type('application/geo+json; charset=utf-8')
        .send(JSON.stringify(toGeoJson(view)));
    if (q.format === 'xlsx')
      return reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename="${name}.xlsx"`)
        .send(await toXlsx(view));
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="${name}.csv"`)
      .send(toCsv(view, q.dezimalkomma));
  });

  app.get('/api/v1/monitoring/index/:config.csv', heavy, async (req, reply) => {
    const { config } = indexParamsSchema.parse(req.params);
    const { zeitraum } = indexQuerySchema.parse(req.query);
    const view = await viewIndex(database, config, viewerOf(req), zeitraum);
    const csv = await indexExportCsv(database, view.system.id, config, view.period);
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="index-${config}-${view.period}.csv"`)
      .send(csv);
  });

  app.get('/api/v1/monitoring/indikatoren', open, async (req) => {
    const view = await viewCatalogue(database, viewerOf(req));
    return { topics: view.topics };
  });
}
