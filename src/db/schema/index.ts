// The whole Drizzle schema, one file per pillar; drizzle-kit generates migrations from it.
export * from './areas.ts';
export * from './site.ts';
export * from './accounts.ts';
export * from './monitoring.ts';
export * from './directory.ts';
