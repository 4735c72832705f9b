// Manifest of the areas module: routes, seeds and the use cases the CLI calls.
import type { ModuleManifest } from '../../core/module.ts';
import { areasRoutes } from './routes.ts';
import { seedAreas } from './seed.ts';

export const areasModule: ModuleManifest = {
  name: 'areas',
  routes: areasRoutes,
  seed: (ctx, options) => seedAreas(ctx.database, options),
  nav: [{ href: '/gebiete', label: 'nav.areas' }],
};

export { importAreas, type ImportSummary } from './import-areas.ts';
export { importPopulation } from './import-population.ts';
export { upsertAreaSystem } from './upsert-area-system.ts';
export { listAreaSystems, displayShapes } from './view-areas.ts';
export { lookupPoint } from './lookup-point.ts';
export { seedManifests, seedOne, dataRoot } from './seed.ts';
export { fieldMappingSchema, areaSystemSchema } from './schema.ts';
