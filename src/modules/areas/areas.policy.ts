// Who may do what with area systems. Reading is public; writes run through the CLI until accounts exist.
import type { RoutePolicy } from '../../core/policy.ts';

export const areasPolicy = {
  viewSystems: 'public',
  viewArea: 'public',
  viewMap: 'public',
  lookupPoint: 'public',
} satisfies Record<string, RoutePolicy>;
