// HTTP routes of the site: start, legal pages, barrier report form, Leichte Sprache, language choice.
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../core/module.ts';
import '../../core/http.ts';
import { isLocale, type MessageKey } from '../../ui/i18n/index.ts';
import { barrierReportSchema } from './schema.ts';
import { submitBarrierReport } from './submit-barrier-report.ts';
import { barrierReportsPage } from './barrier-reports-page.tsx';
import { listBarrierReports } from './site.repository.ts';
import { accessibilityPage, barrierPage, easyLanguagePage, homePage, textPage } from './pages.tsx';
import { sitePolicy } from './site.policy.ts';

const policy = (name: keyof typeof sitePolicy) => ({ config: { policy: sitePolicy[name] } });
const html = 'text/html; charset=utf-8';

export function siteRoutes(app: FastifyInstance, { database }: AppContext): void {
  app.get('/', policy('viewPages'), async (req, reply) =>
    reply.type(html).send(homePage(req.page)),
  );
  app.get('/impressum', policy('viewPages'), async (req, reply) =>
    reply
      .type(html)
      .send(textPage(req.page, 'imprint.title', [{ text: ['imprint.text', 'imprint.software'] }])),
  );
  app.get('/datenschutz', policy('viewPages'), async (req, reply) =>
    reply
      .type(html)
      .send(
        textPage(req.page, 'privacy.title', [
          { text: ['privacy.text', 'privacy.barrier', 'privacy.controller'] },
        ]),
      ),
  );
  app.get('/barrierefreiheit', policy('viewPages'), async (req, reply) =>
    reply.type(html).send(accessibilityPage(req.page)),
  );
  app.get('/leichte-sprache', policy('viewPages'), async (req, reply) =>
    reply.type(html).send(easyLanguagePage(req.page)),
  );

  app.get('/barriere-melden', policy('reportBarrier'), async (req, reply) => {
    const query = req.query as { seite?: unknown; gesendet?: unknown };
    const pageUrl = typeof query.seite === 'string' ? query.seite.slice(0, 500) : '';
    reply.type(html).send(
      barrierPage(req.page, {
        values: { pageUrl, message: '', contact: '' },
        errors: [],
        sent: query.gesendet === '1',
      }),
    );
  });

  app.post(
    '/barriere-melden',
    {
      config: { policy: sitePolicy.reportBarrier, rateLimit: { max: 10, timeWindow: '1 minute' } },
      preHandler: app.csrfProtection,
    },
    async (req, reply) => {
      const body = (req.body ?? {}) as Record<string, unknown>;
      const values = {
        pageUrl: typeof body['pageUrl'] === 'string' ? body['pageUrl'] : '',
        message: typeof body['message'] === 'string' ? body['message'] : '',
        contact: typeof body['contact'] === 'string' ? body['contact'] : '',
      };
      const parsed = barrierReportSchema.safeParse(values);
      if (!parsed.success) {
        const errors = parsed.error.issues.map((i) => ({
          field: String(i.path[0] ?? ''),
          message: req.page.t(i.message as MessageKey),
        }));
        return reply.code(400).type(html).send(barrierPage(req.page, { values, errors }));
      }
      await submitBarrierReport(database, parsed.data);
      return reply.redirect('/barriere-melden?gesendet=1', 303);
    },
  );

  app.get('/sprache', policy('viewPages'), async (req, reply) => {
    const { lang, zurueck } = req.query as { lang?: unknown; zurueck?: unknown };
    const back =
      typeof zurueck === 'string' && zurueck.startsWith('/') && !zurueck.startsWith('//')
        ? zurueck
        : '/';
    if (isLocale(lang))
      reply.setCookie('lang', lang, {
        path: '/',
        sameSite: 'lax',
        httpOnly: true,
        maxAge: 60 * 60 * 24 * 365,
      });
    return reply.redirect(back, 303);
  });

  app.get('/verwaltung/barrieren', policy('readBarrierReports'), async (req, reply) =>
    reply.type(html).send(barrierReportsPage(req.page, await listBarrierReports(database.db, 500))),
  );
}
