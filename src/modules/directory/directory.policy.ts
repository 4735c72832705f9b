// Who may do what in the directory: searching and reading entries is public.
import type { RoutePolicy } from '../../core/policy.ts';

export const directoryPolicy = {
  search: 'public',
  viewEntry: 'public',
  hsda: 'public',
} satisfies Record<string, RoutePolicy>;
