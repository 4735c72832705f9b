// Who may use the account pages: sign-in pages are public, one's own account needs a session, staff administration is for admins.
import type { RoutePolicy } from '../../core/policy.ts';

export const accountsPolicy = {
  signIn: 'public',
  ownAccount: 'authenticated',
  administerUsers: { anyRole: ['admin'] },
  readAuditLog: { anyRole: ['admin'] },
} satisfies Record<string, RoutePolicy>;
