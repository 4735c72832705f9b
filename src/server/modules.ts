// The modules the platform mounts, in order; server and CLI know modules only through these manifests.
import type { ModuleManifest } from '../core/module.ts';
import { siteModule } from '../modules/site/index.ts';
import { areasModule } from '../modules/areas/index.ts';
import { accountsModule } from '../modules/accounts/index.ts';
import { monitoringModule } from '../modules/monitoring/index.ts';
import { directoryModule } from '../modules/directory/index.ts';

export const modules: ModuleManifest[] = [
  accountsModule,
  siteModule,
  areasModule,
  monitoringModule,
  directoryModule,
];
