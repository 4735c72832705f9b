// German catalogue of the monitoring pages, one fragment per group of pages.
import { deMonitoringCommon } from './de-monitoring-common.ts';
import { deMonitoringReleases } from './de-monitoring-releases.ts';
import { deMonitoringMaps } from './de-monitoring-maps.ts';
import { deMonitoringProfiles } from './de-monitoring-profiles.ts';

export const deMonitoring = {
  ...deMonitoringCommon,
  ...deMonitoringReleases,
  ...deMonitoringMaps,
  ...deMonitoringProfiles,
} as const;
