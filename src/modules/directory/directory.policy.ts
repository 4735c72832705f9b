// Who may do what in the directory: searching and reading entries is public.
import type { RoutePolicy } from '../../core/policy.ts';

export const directoryPolicy = {
  search: 'public',
  viewEntry: 'public',
  hsda: 'public',
  /** What people could not find: for the directory's editors and the organising team. */
  missedSearches: { anyRole: ['editor', 'organiser', 'admin'] },
} satisfies Record<string, RoutePolicy>;
