// Manifest of the site module: start page, legal pages, barrier reports, Leichte Sprache.
import type { ModuleManifest } from '../../core/module.ts';
import { siteRoutes } from './routes.ts';

export const siteModule: ModuleManifest = {
  name: 'site',
  routes: siteRoutes,
};

export { errorPage } from './pages.tsx';
export { listBarrierReports } from './site.repository.ts';
