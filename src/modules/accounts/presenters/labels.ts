// German names of roles and grants.
import type { Role, RoleGrant } from '../../../core/policy.ts';

export const roleNames: Record<Role, string> = {
  admin: 'Administration',
  statistician: 'Statistik',
  organiser: 'Organisation (Fachbereich)',
  editor: 'Redaktion Angebote',
  provider: 'Anbieter',
  participant: 'Teilnahme an Dialogen',
};

export function grantLabel(g: RoleGrant, departments: Map<string, string>): string {
  if (g.role === 'organiser')
    return `${roleNames.organiser}: ${departments.get(g.departmentId ?? '') ?? g.departmentId}`;
  if (g.role === 'provider') return `${roleNames.provider}: ${g.organisationId}`;
  return roleNames[g.role];
}
