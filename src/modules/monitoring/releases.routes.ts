// Staff routes for data releases: list, import (upload), preview, publish, withdraw, delete.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../core/errors.ts';
import type { AppContext } from '../../core/module.ts';
import { readUploadForm } from '../../core/upload.ts';
import '../../core/http.ts';
import { importValues, type ImportValuesSummary } from './import-values.ts';
import {
  deleteRelease,
  publishRelease,
  startOfDayInBerlin,
  withdrawRelease,
} from './manage-releases.ts';
import { monitoringPolicy } from './monitoring.policy.ts';
import type { WideMapping } from './parse-values.ts';
import {
  importPage,
  releasePage,
  releasesPage,
  type ImportFormValues,
} from './presenters/release-pages.tsx';
import { importQuerySchema, publishFormSchema, releaseParamsSchema } from './schema.ts';
import {
  importableSystems,
  listReleaseSummaries,
  rememberedMapping,
  viewRelease,
} from './view-releases.ts';

const html = 'text/html; charset=utf-8';
const policy = (name: keyof typeof monitoringPolicy) => ({
  config: { policy: monitoringPolicy[name] },
});

const emptyForm: ImportFormValues = {
  systemId: '',
  title: '',
  format: '',
  areaColumn: '',
  period: '',
  columns: '',
  source: '',
  licence: '',
  example: false,
};

/** Runs the CSRF check on fields read from a multipart form (the hook reads req.body._csrf). */
function checkCsrf(app: FastifyInstance, req: FastifyRequest, reply: FastifyReply): Promise<void> {
  return new Promise((resolve, reject) => {
    app.csrfProtection.call(app, req, reply, (err?: Error) => (err ? reject(err) : resolve()));
  });
}

function mappingFrom(v: ImportFormValues): WideMapping | undefined {
  if (v.format === 'long') return undefined;
  const lines = v.columns
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
  if (!v.areaColumn && lines.length === 0) return undefined;
  const columns: Record<string, string> = {};
  for (const [i, line] of lines.entries()) {
    const at = line.lastIndexOf('=');
    if (at <= 0)
      throw new AppError('invalid_input', 'Die Spaltenzuordnung ist unvollständig.', [
        {
          field: 'columns',
          message: `Zeile ${i + 1} „${line}“ hat nicht die Form SPALTE=INDIKATOR.`,
        },
      ]);
    columns[line.slice(0, at).trim()] = line.slice(at + 1).trim();
  }
  return { areaColumn: v.areaColumn, period: v.period, columns };
}

export function releasesRoutes(app: FastifyInstance, { database }: AppContext): void {
  app.get('/verwaltung/daten', policy('manageReleases'), async (req, reply) => {
    const notice = typeof (req.query as Record<string, unknown>)['hinweis'] === 'string';
    reply
      .type(html)
      .send(
        releasesPage(
          req.page,
          await listReleaseSummaries(database),
          notice ? req.page.t('mon.release.deleted') : undefined,
        ),
      );
  });

  app.get('/verwaltung/daten/import', policy('manageReleases'), async (req, reply) => {
    const systems = await importableSystems(database);
    const { gliederung } = importQuerySchema.parse(req.query);
    // The chosen system, else the one of the latest release (where the team works), else the first.
    const latest = (await listReleaseSummaries(database))[0]?.systemId;
    const systemId =
      systems.find((s) => s.id === (gliederung ?? latest))?.id ?? systems[0]?.id ?? '';
    const remembered = systemId ? await rememberedMapping(database, systemId) : null;
    reply.type(html).send(
      importPage(req.page, {
        systems,
        values: {
          ...emptyForm,
          systemId,
          ...(remembered ? { ...remembered, format: 'wide' } : {}),
        },
        errors: [],
        remembered: remembered !== null,
      }),
    );
  });

  app.post('/verwaltung/daten/import', policy('manageReleases'), async (req, reply) => {
    const form = await readUploadForm(req);
    req.body = form.fields;
    await checkCsrf(app, req, reply);
    const f = form.fields;
    const values: ImportFormValues = {
      systemId: f['systemId'] ?? '',
      title: f['title'] ?? '',
      format: f['format'] === 'long' || f['format'] === 'wide' ? f['format'] : '',
      areaColumn: f['areaColumn'] ?? '',
      period: f['period'] ?? '',
      columns: f['columns'] ?? '',
      source: f['source'] ?? '',
      licence: f['licence'] ?? '',
      example: f['example'] === '1',
    };
    const systems = await importableSystems(database);
    const dryRun = f['action'] === 'check';
    let summary: ImportValuesSummary;
    try {
      if (!form.file)
        throw new AppError('invalid_input', req.page.t('mon.import.noFile'), [
          { field: 'file', message: req.page.t('mon.import.noFile') },
        ]);
      summary = await importValues(database, req.actor!, {
        systemId: values.systemId,
        fileName: form.file.fileName,
        bytes: form.file.bytes,
        format: values.format === '' ? undefined : (values.format as 'long' | 'wide'),
        mapping: mappingFrom(values),
        title: values.title || form.file.fileName,
        source: values.source,
        licence: values.licence,
        isExample: values.example,
        dryRun,
      });
    } catch (e) {
      if (!(e instanceof AppError) || e.status >= 500) throw e;
      return reply
        .code(e.status)
        .type(html)
        .send(importPage(req.page, { systems, values, errors: e.details, message: e.message }));
    }
    if (dryRun)
      return reply
        .type(html)
        .send(importPage(req.page, { systems, values, errors: [], dryRun: summary }));
    return reply.redirect(`/verwaltung/daten/${summary.releaseId}?hinweis=importiert`, 303);
  });

  app.get('/verwaltung/daten/:id', policy('manageReleases'), async (req, reply) => {
    const { id } = releaseParamsSchema.parse(req.params);
    const release = await viewRelease(database, id);
    const hint = (req.query as Record<string, unknown>)['hinweis'];
    const notices: Record<string, string> = {
      importiert: req.page.t('mon.release.imported'),
      veroeffentlicht: req.page.t('mon.release.publishedNotice'),
      zurueckgezogen: req.page.t('mon.release.withdrawnNotice'),
    };
    const indicators = [...new Set(release.contents.map((c) => c.indicatorCode))];
    const previewLinks = indicators.slice(0, 8).map((code) => ({
      href: `/monitoring/${release.systemId}/karte?indikator=${encodeURIComponent(code)}&vorschau=${release.id}`,
      label: req.page.t('mon.release.previewMap', {
        name: release.contents.find((c) => c.indicatorCode === code)?.indicatorName ?? code,
      }),
    }));
    reply.type(html).send(
      releasePage(req.page, release, {
        previewLinks: release.status === 'published' ? [] : previewLinks,
        notice: typeof hint === 'string' ? notices[hint] : undefined,
      }),
    );
  });

  app.post(
    '/verwaltung/daten/:id/veroeffentlichen',
    { ...policy('manageReleases'), preHandler: app.csrfProtection },
    async (req, reply) => {
      const { id } = releaseParamsSchema.parse(req.params);
      const { embargo } = publishFormSchema.parse(req.body ?? {});
      await publishRelease(
        database,
        req.actor!,
        id,
        embargo ? startOfDayInBerlin(embargo.slice(0, 10)) : null,
      );
      return reply.redirect(`/verwaltung/daten/${id}?hinweis=veroeffentlicht`, 303);
    },
  );

  app.post(
    '/verwaltung/daten/:id/zurueckziehen',
    { ...policy('manageReleases'), preHandler: app.csrfProtection },
    async (req, reply) => {
      const { id } = releaseParamsSchema.parse(req.params);
      await withdrawRelease(database, req.actor!, id);
      return reply.redirect(`/verwaltung/daten/${id}?hinweis=zurueckgezogen`, 303);
    },
  );

  app.post(
    '/verwaltung/daten/:id/loeschen',
    { ...policy('manageReleases'), preHandler: app.csrfProtection },
    async (req, reply) => {
      const { id } = releaseParamsSchema.parse(req.params);
      if ((req.body as Record<string, unknown> | undefined)?.['confirm'] !== '1')
        throw new AppError('invalid_input', req.page.t('mon.release.deleteNeedsConfirm'));
      await deleteRelease(database, req.actor!, id);
      return reply.redirect('/verwaltung/daten?hinweis=geloescht', 303);
    },
  );
}
