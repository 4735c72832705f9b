// Who may use the site pages: everyone; the list of barrier reports is for admins.
import type { RoutePolicy } from '../../core/policy.ts';

export const sitePolicy = {
  viewPages: 'public',
  reportBarrier: 'public',
  readBarrierReports: { anyRole: ['admin'] },
} satisfies Record<string, RoutePolicy>;
