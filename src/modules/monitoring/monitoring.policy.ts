// Who may do what in monitoring: published figures are public; releases and the index belong to statisticians.
import type { RoutePolicy } from '../../core/policy.ts';

const statisticians = { anyRole: ['statistician', 'admin'] } as const;

export const monitoringPolicy = {
  viewPublic: 'public',
  manageReleases: statisticians,
  computeIndex: statisticians,
} satisfies Record<string, RoutePolicy>;
