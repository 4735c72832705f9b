// Who may use the site pages: everyone; the barrier report list will be for admins (accounts issue).
import type { RoutePolicy } from '../../core/http.ts';

export const sitePolicy = {
  viewPages: 'public',
  reportBarrier: 'public',
} satisfies Record<string, RoutePolicy>;
