// Public routes of the directory: the search page, one entry, and the HSDA API under /hsds.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../core/module.ts';
import { AppError } from '../../core/errors.ts';
import '../../core/http.ts';
import { directoryPolicy } from './directory.policy.ts';
import * as repo from './directory.repository.ts';
import { exportService, exportServices, type HsdaPage } from './hsds-export.ts';
import { entryPage } from './presenters/entry-page.tsx';
import { missedSearchesPage } from './presenters/missed-page.tsx';
import { searchPage } from './presenters/search-page.tsx';
import { entryParamsSchema, searchFormSchema } from './schema.ts';
import { searchServices } from './search.ts';
import { viewEntry, viewMissedSearches, viewSearch } from './view-directory.ts';

const html = 'text/html; charset=utf-8';
/** The city whose Sozialräume the search offers. */
export const directorySystem = 'oberhausen';
const searchLimit = { rateLimit: { max: 120, timeWindow: '1 minute' } };

const hsdaQuery = z.object({
  search: z.string().max(200).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  per_page: z.coerce.number().int().min(1).max(1000).default(50),
  language: z
    .string()
    .regex(/^[a-z]{2,3}$/)
    .optional(),
});

export function directoryRoutes(app: FastifyInstance, { database }: AppContext): void {
  app.get(
    '/angebote',
    { config: { policy: directoryPolicy.search, ...searchLimit } },
    async (req, reply) => {
      const form = searchFormSchema.parse(req.query);
      const view = await viewSearch(database, directorySystem, form, req.page.locale);
      reply.type(html).send(searchPage(req.page, view));
    },
  );

  app.get(
    '/angebote/:id',
    { config: { policy: directoryPolicy.viewEntry } },
    async (req, reply) => {
      const { id } = entryParamsSchema.parse(req.params);
      reply
        .type(html)
        .send(entryPage(req.page, await viewEntry(database, id, req.page.locale, req.page.t)));
    },
  );

  app.get(
    '/verwaltung/suchen',
    { config: { policy: directoryPolicy.missedSearches } },
    async (req, reply) => {
      reply
        .type(html)
        .send(missedSearchesPage(req.page, await viewMissedSearches(database, 90, 2)));
    },
  );

  app.get('/hsds', { config: { policy: directoryPolicy.hsda } }, async () => ({
    version: '3.1',
    profile: 'https://openreferral.org/',
    openapi_url: '/api/openapi.json',
  }));

  app.get(
    '/hsds/services',
    { config: { policy: directoryPolicy.hsda, ...searchLimit } },
    async (req): Promise<HsdaPage<Record<string, unknown>>> => {
      const q = hsdaQuery.parse(req.query);
      const language = q.language ?? 'de';
      if (!q.search)
        return exportServices(database, { page: q.page, perPage: q.per_page, language });
      const found = await searchServices(database, {
        text: q.search,
        limit: Math.min(q.per_page, 100),
        offset: Math.min((q.page - 1) * q.per_page, 10_000),
      });
      const full = await repo.findServicesFull(
        database.db,
        found.items.map((i) => i.id),
      );
      const byId = new Map(full.map((f) => [f.service.id, f]));
      const contents = found.items.flatMap((i) => {
        const f = byId.get(i.id);
        return f ? [exportService(f, { language })] : [];
      });
      const totalPages = Math.ceil(found.total / q.per_page);
      return {
        total_items: found.total,
        total_pages: totalPages,
        page_number: q.page,
        size: contents.length,
        first_page: q.page === 1,
        last_page: q.page >= totalPages,
        empty: contents.length === 0,
        contents,
      };
    },
  );

  app.get('/hsds/services/:id', { config: { policy: directoryPolicy.hsda } }, async (req) => {
    const { id } = entryParamsSchema.parse(req.params);
    const full = await repo.findServiceFull(database.db, id);
    if (!full) throw new AppError('not_found', `Das Angebot „${id}“ gibt es nicht.`);
    return exportService(full, { withOrganization: true, withLocations: true });
  });
}
