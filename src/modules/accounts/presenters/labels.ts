// Names of roles, grants and account states, in the language of the page.
import type { Role, RoleGrant } from '../../../core/policy.ts';
import type { MessageKey, Translator } from '../../../ui/i18n/index.ts';

const roleKeys: Record<Role, MessageKey> = {
  admin: 'staff.roles.admin',
  statistician: 'staff.roles.statistician',
  organiser: 'staff.roles.organiser',
  editor: 'staff.roles.editor',
  provider: 'staff.roles.provider',
  participant: 'staff.roles.participant',
};

const statusKeys = new Map<string, MessageKey>([
  ['active', 'staff.status.active'],
  ['invited', 'staff.status.invited'],
  ['disabled', 'staff.status.disabled'],
]);

export function roleName(t: Translator, role: Role): string {
  return t(roleKeys[role]);
}

/** An account status by name; an unknown one is shown as stored. */
export function statusName(t: Translator, status: string): string {
  const key = statusKeys.get(status);
  return key ? t(key) : status;
}

export function grantLabel(t: Translator, g: RoleGrant, departments: Map<string, string>): string {
  if (g.role === 'organiser')
    return `${roleName(t, 'organiser')}: ${departments.get(g.departmentId ?? '') ?? g.departmentId}`;
  if (g.role === 'provider') return `${roleName(t, 'provider')}: ${g.organisationId}`;
  return roleName(t, g.role);
}
