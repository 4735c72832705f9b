// Manifest of the monitoring module: catalogue, releases, values, index; pages, exports and the CLI's use cases.
import type { ModuleManifest } from '../../core/module.ts';
import { monitoringRoutes } from './routes.ts';
import { releasesRoutes } from './releases.routes.ts';
import { ogcRoutes } from './ogc.routes.ts';
import { seedMonitoring } from './seed.ts';

export const monitoringModule: ModuleManifest = {
  name: 'monitoring',
  routes: (app, ctx) => {
    monitoringRoutes(app, ctx);
    releasesRoutes(app, ctx);
    ogcRoutes(app, ctx);
  },
  seed: (ctx, options) => seedMonitoring(ctx.database, options),
  nav: [{ href: '/monitoring', label: 'nav.monitoring' }],
};

export { importValues, type ImportValuesSummary } from './import-values.ts';
export {
  publishRelease,
  withdrawRelease,
  deleteRelease,
  startOfDayInBerlin,
} from './manage-releases.ts';
export { listReleaseSummaries } from './view-releases.ts';
export { computeIndexRun, indexExportCsv } from './compute-index.ts';
export type { WideMapping } from './parse-values.ts';
