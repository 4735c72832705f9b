// Manifest of the directory module: public search and entries, the HSDA API, the example directory.
import type { ModuleManifest } from '../../core/module.ts';
import { directoryRoutes } from './routes.ts';
import { seedDirectory } from './seed.ts';

export const directoryModule: ModuleManifest = {
  name: 'directory',
  routes: directoryRoutes,
  seed: (ctx, options) => seedDirectory(ctx.database, options),
  nav: [{ href: '/angebote', label: 'nav.directory' }],
};

export { importHsds } from './hsds-import.ts';
export { exportServices, exportOrganizations } from './hsds-export.ts';
