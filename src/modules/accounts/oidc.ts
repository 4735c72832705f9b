// Single sign-on through the city's OpenID Connect provider (e.g. Keycloak): configuration from the
// environment, cached discovery, and the sign-in use case that finds, links or creates the user and
// synchronises the role grants the provider asserts.
import * as client from 'openid-client';
import { AppError } from '../../core/errors.ts';
import { roles, type Role, type RoleGrant } from '../../core/policy.ts';
import type { Database, Db } from '../../db/client.ts';
import * as repo from './accounts.repository.ts';
import { audit } from './audit.ts';
import { emailSchema } from './schema.ts';
import { createSession } from './sessions.ts';

export interface OidcConfig {
  /** Issuer identifier, e.g. https://login.stadt.example/realms/stadt */
  issuer: string;
  clientId: string;
  /** Without a secret the client is public and relies on PKCE alone. */
  clientSecret: string | undefined;
  /** Fixed callback URL; otherwise derived from the public URL or the request's host. */
  redirectUrl: string | undefined;
  scopes: string;
  /** Claim with department ids or names; a dotted path reaches nested claims. */
  departmentClaim: string;
  /** Claim with role names, e.g. "roles" or "realm_access.roles". */
  roleClaim: string;
  /** Whether the provider may grant the admin role. */
  allowAdmin: boolean;
  /** Plain http to the provider: only for loopback addresses or when explicitly allowed. */
  allowHttp: boolean;
}

const loopback = new Set(['localhost', '127.0.0.1', '[::1]']);

/** The OIDC configuration, or null when OIDC_ISSUER is not set (sign-on is then off). */
export function oidcConfigFromEnv(env: NodeJS.ProcessEnv = process.env): OidcConfig | null {
  const issuer = env['OIDC_ISSUER']?.trim();
  if (!issuer) return null;
  let url: URL;
  try {
    url = new URL(issuer);
  } catch {
    throw new Error(`OIDC_ISSUER „${issuer}“ ist keine gültige Adresse.`);
  }
  const clientId = env['OIDC_CLIENT_ID']?.trim();
  if (!clientId) throw new Error('OIDC_ISSUER ist gesetzt, aber OIDC_CLIENT_ID fehlt.');
  const allowHttp = env['OIDC_ALLOW_HTTP'] === '1' || loopback.has(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && allowHttp))
    throw new Error(
      `OIDC_ISSUER „${issuer}“ muss https verwenden (http nur lokal oder mit OIDC_ALLOW_HTTP=1).`,
    );
  return {
    issuer,
    clientId,
    clientSecret: env['OIDC_CLIENT_SECRET'] || undefined,
    redirectUrl: env['OIDC_REDIRECT_URL']?.trim() || undefined,
    scopes: env['OIDC_SCOPES']?.trim() || 'openid email profile',
    departmentClaim: env['OIDC_DEPARTMENT_CLAIM']?.trim() || 'departments',
    roleClaim: env['OIDC_ROLE_CLAIM']?.trim() || 'roles',
    allowAdmin: env['OIDC_ALLOW_ADMIN'] === '1',
    allowHttp,
  };
}

export interface OidcClient {
  config: OidcConfig;
  /** The discovered provider configuration; discovered on first use, then cached. */
  configuration(): Promise<client.Configuration>;
}

export function createOidcClient(config: OidcConfig): OidcClient {
  let discovered: Promise<client.Configuration> | undefined;
  return {
    config,
    configuration() {
      discovered ??= client
        .discovery(
          new URL(config.issuer),
          config.clientId,
          config.clientSecret,
          config.clientSecret ? client.ClientSecretBasic(config.clientSecret) : client.None(),
          {
            timeout: 10,
            execute: config.allowHttp ? [client.allowInsecureRequests] : [],
          },
        )
        .catch((e: unknown) => {
          // Not cached: the next sign-in tries again.
          discovered = undefined;
          throw e;
        });
      return discovered;
    },
  };
}

/** Claims of the ID token merged with those of the userinfo endpoint. */
export type OidcClaims = { sub: string } & Record<string, unknown>;

/** A claim by name or dotted path (realm_access.roles), as a list of non-empty strings. */
export function claimValues(claims: Record<string, unknown>, path: string): string[] {
  let value: unknown = claims[path];
  if (value === undefined && path.includes('.')) {
    value = path
      .split('.')
      .reduce<unknown>(
        (v, key) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[key] : undefined),
        claims,
      );
  }
  const list = Array.isArray(value)
    ? value
    : typeof value === 'string'
      ? value.split(/[\s,]+/)
      : [];
  return list
    .filter((v): v is string => typeof v === 'string')
    .map((v) => v.trim())
    .filter(Boolean);
}

const grantKey = (g: RoleGrant) => `${g.role}|${g.departmentId ?? ''}|${g.organisationId ?? ''}`;

/** Roles the provider may assert directly: organiser and provider need a scope, admin needs consent. */
function assertableRole(value: string, allowAdmin: boolean): Role | null {
  const role = roles.find((r) => r === value.toLowerCase());
  if (!role || role === 'organiser' || role === 'provider') return null;
  if (role === 'admin' && !allowAdmin) return null;
  return role;
}

/** The grants the claims ask for, and the claim values that match nothing we know. */
export function grantsFromClaims(
  claims: Record<string, unknown>,
  config: Pick<OidcConfig, 'departmentClaim' | 'roleClaim' | 'allowAdmin'>,
  departments: { id: string; name: string }[],
): { grants: RoleGrant[]; unknownDepartments: string[]; ignoredRoles: string[] } {
  const grants = new Map<string, RoleGrant>();
  const unknownDepartments: string[] = [];
  const ignoredRoles: string[] = [];
  for (const raw of claimValues(claims, config.departmentClaim)) {
    // Keycloak group paths look like "/Schule" or "/Stadt/Schule": the last segment counts.
    const value = raw.split('/').filter(Boolean).pop()?.toLowerCase() ?? '';
    const department = departments.find(
      (d) => d.id.toLowerCase() === value || d.name.toLowerCase() === value,
    );
    if (!department) {
      unknownDepartments.push(raw);
      continue;
    }
    const g: RoleGrant = { role: 'organiser', departmentId: department.id, organisationId: null };
    grants.set(grantKey(g), g);
  }
  for (const raw of claimValues(claims, config.roleClaim)) {
    const role = assertableRole(raw, config.allowAdmin);
    if (!role) {
      ignoredRoles.push(raw);
      continue;
    }
    const g: RoleGrant = { role, departmentId: null, organisationId: null };
    grants.set(grantKey(g), g);
  }
  return { grants: [...grants.values()], unknownDepartments, ignoredRoles };
}

/** Audit action that records a synchronisation; its `after.oidcGrants` says which grants came from the provider. */
export const oidcGrantsAction = 'user.grants.oidc';

/**
 * The grants the provider added at the last synchronisation. The grants table has no source
 * column, so this is read from the audit trail, which records every synchronisation.
 */
async function lastProviderGrants(db: Db, userId: number): Promise<RoleGrant[]> {
  const after = await repo.lastAuditAfter(db, 'user', String(userId), oidcGrantsAction);
  const grants = (after as { oidcGrants?: RoleGrant[] } | null)?.oidcGrants;
  return Array.isArray(grants) ? grants : [];
}

function publicUser(u: repo.UserRow) {
  return {
    id: u.id,
    email: u.email,
    displayName: u.displayName,
    status: u.status,
    oidcIssuer: u.oidcIssuer,
    oidcSubject: u.oidcSubject,
  };
}

const actorOf = (u: repo.UserRow) => ({ userId: u.id, email: u.email });

/** The person's name as the provider states it, if it does. */
function providerName(claims: Record<string, unknown>): string | null {
  const str = (k: string) => (typeof claims[k] === 'string' ? (claims[k] as string).trim() : '');
  const name =
    str('name') ||
    [str('given_name'), str('family_name')].filter(Boolean).join(' ') ||
    str('preferred_username');
  return name ? name.slice(0, 200) : null;
}

export interface OidcSignInLog {
  warn(obj: object, msg: string): void;
  info(obj: object, msg: string): void;
}

const refused = (message: string) => new AppError('unauthenticated', message);
const disabledMessage =
  'Ihr Konto ist gesperrt. Bitte wenden Sie sich an die Administration der Plattform.';

/**
 * Signs in the person the provider vouches for: by (issuer, sub); else by verified e-mail, linking
 * the account; else a new account. Synchronises the provider's grants, keeps hand-made ones, audits
 * every change and opens a session.
 */
export async function signInWithOidc(
  database: Database,
  config: Pick<OidcConfig, 'issuer' | 'departmentClaim' | 'roleClaim' | 'allowAdmin'>,
  claims: OidcClaims,
  meta: { ip?: string; userAgent?: string },
  log?: OidcSignInLog,
): Promise<{ token: string; userId: number }> {
  const issuer = typeof claims['iss'] === 'string' ? claims['iss'] : config.issuer;
  const parsedEmail = emailSchema.safeParse(claims['email']);
  const email = parsedEmail.success ? parsedEmail.data : null;
  const verified = claims['email_verified'] === true || claims['email_verified'] === 'true';
  const departments = await repo.listDepartments(database.db);
  const wanted = grantsFromClaims(claims, config, departments);
  if (wanted.unknownDepartments.length || wanted.ignoredRoles.length)
    log?.warn(
      {
        sub: claims.sub,
        unknownDepartments: wanted.unknownDepartments,
        ignoredRoles: wanted.ignoredRoles,
      },
      'OIDC: unbekannte Fachbereiche oder nicht übernommene Rollen ignoriert',
    );

  const userId = await database.db.transaction(async (tx) => {
    let user = await repo.findUserByOidc(tx, issuer, claims.sub);
    if (user) {
      if (user.status === 'disabled') throw new AppError('forbidden', disabledMessage);
      const set: Parameters<typeof repo.updateUser>[2] = {};
      const name = providerName(claims);
      if (name && name !== user.displayName) set.displayName = name;
      if (email && verified && email !== user.email.toLowerCase()) {
        const other = await repo.findUserByEmail(tx, email);
        if (!other) set.email = email;
      }
      if (Object.keys(set).length) {
        const before = user;
        user = (await repo.updateUser(tx, user.id, set)) ?? user;
        await audit(
          tx,
          actorOf(user),
          {
            action: 'user.update.oidc',
            entity: 'user',
            entityId: user.id,
            before: publicUser(before),
            after: publicUser(user),
          },
          meta.ip,
        );
      }
    } else {
      if (!email)
        throw refused(
          'Die Stadtverwaltung hat keine E-Mail-Adresse übermittelt. Ohne sie können wir Sie nicht anmelden.',
        );
      const existing = await repo.findUserByEmail(tx, email);
      if (existing) {
        if (existing.status === 'disabled') throw new AppError('forbidden', disabledMessage);
        if (!verified)
          throw refused(
            'Ihre E-Mail-Adresse ist bei der Stadtverwaltung nicht bestätigt. Deshalb können wir sie nicht mit dem vorhandenen Konto verbinden.',
          );
        if (existing.oidcSubject && existing.oidcIssuer)
          throw new AppError(
            'conflict',
            'Dieses Konto ist schon mit einer anderen Anmeldung der Stadtverwaltung verbunden. Bitte wenden Sie sich an die Administration.',
          );
        user =
          (await repo.updateUser(tx, existing.id, {
            oidcIssuer: issuer,
            oidcSubject: claims.sub,
            // The provider confirmed the address: an open invitation is thereby accepted.
            status: 'active',
          })) ?? existing;
        await audit(
          tx,
          actorOf(user),
          {
            action: 'user.oidc.link',
            entity: 'user',
            entityId: user.id,
            before: publicUser(existing),
            after: publicUser(user),
          },
          meta.ip,
        );
      } else {
        user = await repo.insertUser(tx, {
          email,
          displayName: providerName(claims) ?? email,
          status: 'active',
          oidcIssuer: issuer,
          oidcSubject: claims.sub,
        });
        await audit(
          tx,
          actorOf(user),
          {
            action: 'user.create.oidc',
            entity: 'user',
            entityId: user.id,
            after: publicUser(user),
          },
          meta.ip,
        );
      }
    }

    // Grants: add what the provider asserts; remove what it added earlier and no longer asserts.
    const current = await repo.grantsOf(tx, user.id);
    const previous = await lastProviderGrants(tx, user.id);
    const wantedKeys = new Set(wanted.grants.map(grantKey));
    const currentKeys = new Set(current.map(grantKey));
    const toAdd = wanted.grants.filter((g) => !currentKeys.has(grantKey(g)));
    const toRemove = previous.filter(
      (g) => !wantedKeys.has(grantKey(g)) && currentKeys.has(grantKey(g)),
    );
    const owned = [
      ...previous.filter((g) => wantedKeys.has(grantKey(g)) && currentKeys.has(grantKey(g))),
      ...toAdd,
    ];
    const ownedChanged =
      owned.length !== previous.length ||
      owned.some((g) => !previous.some((p) => grantKey(p) === grantKey(g)));
    if (toAdd.length || toRemove.length || ownedChanged) {
      for (const g of toAdd) await repo.addGrant(tx, user.id, g);
      for (const g of toRemove) await repo.removeGrant(tx, user.id, g);
      await audit(
        tx,
        actorOf(user),
        {
          action: oidcGrantsAction,
          entity: 'user',
          entityId: user.id,
          before: { grants: current, oidcGrants: previous },
          after: { grants: await repo.grantsOf(tx, user.id), oidcGrants: owned },
        },
        meta.ip,
      );
    }
    await repo.updateUser(tx, user.id, { lastLoginAt: new Date(), failedLogins: 0 });
    return user.id;
  });
  log?.info({ userId, sub: claims.sub }, 'OIDC-Anmeldung');
  return { token: await createSession(database, userId, meta), userId };
}
