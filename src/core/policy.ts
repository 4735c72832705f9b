// Roles, the acting user and route policies: deny by default, declared per route, checked before any data.
export const roles = [
  'admin',
  'statistician',
  'organiser',
  'editor',
  'provider',
  'participant',
] as const;
export type Role = (typeof roles)[number];

export interface RoleGrant {
  role: Role;
  /** Department of an organiser grant. */
  departmentId: string | null;
  /** Organisation of a provider grant. */
  organisationId: string | null;
}

export interface Actor {
  userId: number;
  email: string;
  displayName: string;
  grants: RoleGrant[];
  /** Hash of the session token, to end this session. */
  sessionHash: string;
}

/** Who may call a route: everyone, any signed-in user, or holders of one of the roles. */
export type RoutePolicy = 'public' | 'authenticated' | { anyRole: readonly Role[] };

export function hasRole(actor: Actor | null, role: Role): boolean {
  return actor?.grants.some((g) => g.role === role) ?? false;
}

export type PolicyOutcome = 'allow' | 'unauthenticated' | 'forbidden';

/** Decides a route policy; an undeclared policy is denied. */
export function decide(policy: RoutePolicy | undefined, actor: Actor | null): PolicyOutcome {
  if (policy === undefined) return actor ? 'forbidden' : 'unauthenticated';
  if (policy === 'public') return 'allow';
  if (!actor) return 'unauthenticated';
  if (policy === 'authenticated') return 'allow';
  return policy.anyRole.some((r) => hasRole(actor, r)) ? 'allow' : 'forbidden';
}
