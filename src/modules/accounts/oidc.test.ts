// Single sign-on against a real OpenID Connect provider (oidc-provider) over real HTTP: the code flow
// with PKCE, the login and consent interactions, the callback, the session, and the claim mapping.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { eq } from 'drizzle-orm';
import { Provider } from 'oidc-provider';
import { createTestApp, type TestApp } from '../../server/testing.ts';
import { users } from '../../db/schema/index.ts';
import {
  addGrant,
  findUser,
  findUserByOidc,
  grantsOf,
  insertUser,
  listAudit,
  updateUser,
} from './accounts.repository.ts';
import { grant } from './testing.ts';
import { claimValues, grantsFromClaims, oidcConfigFromEnv } from './oidc.ts';

const clientId = 'sozialraum';
const clientSecret = 'ein-geheimnis-nur-fuer-den-test';
/** Accounts at the provider: login name = sub → claims. */
const accounts = new Map<string, Record<string, unknown>>();

let t: TestApp;
let idp: Server;
let issuer = '';
const savedEnv = { ...process.env };

before(
  async () => {
    // The provider's address must be known before the app reads its configuration, and the app's
    // address before the provider registers the client: listen first, attach the provider after.
    idp = createServer();
    await new Promise<void>((resolve) => idp.listen(0, '127.0.0.1', resolve));
    issuer = `http://127.0.0.1:${(idp.address() as AddressInfo).port}`;
    for (const key of Object.keys(process.env))
      if (key.startsWith('OIDC_')) delete process.env[key];
    Object.assign(process.env, {
      OIDC_ISSUER: issuer,
      OIDC_CLIENT_ID: clientId,
      OIDC_CLIENT_SECRET: clientSecret,
    });
    t = await createTestApp({ listen: true });
    const provider = new Provider(issuer, {
      clients: [
        {
          client_id: clientId,
          client_secret: clientSecret,
          redirect_uris: [`${t.url}/anmelden/oidc/rueckkehr`],
          response_types: ['code'],
          grant_types: ['authorization_code'],
        },
      ],
      claims: {
        openid: ['sub'],
        email: ['email', 'email_verified'],
        profile: ['name', 'departments', 'roles'],
      },
      findAccount: (_ctx: unknown, sub: string) => {
        const claims = accounts.get(sub);
        return claims ? { accountId: sub, claims: async () => ({ sub, ...claims }) } : undefined;
      },
      cookies: { keys: ['schluessel-fuer-die-cookies-des-anbieters'] },
      pkce: { required: () => true },
      features: { devInteractions: { enabled: true } },
    });
    idp.on('request', provider.callback());
  },
  { timeout: 30_000 },
);

after(async () => {
  await t?.close();
  idp?.closeAllConnections();
  await new Promise((resolve) => idp?.close(resolve));
  process.env = savedEnv;
});

/** A browser: cookies per host, redirects followed by hand. */
class Browser {
  private jars = new Map<string, Map<string, string>>();

  async fetch(url: string | URL, init: { method?: string; body?: URLSearchParams } = {}) {
    const target = new URL(url);
    const jar = this.jars.get(target.host) ?? new Map<string, string>();
    this.jars.set(target.host, jar);
    const res = await fetch(target, {
      method: init.method ?? 'GET',
      ...(init.body ? { body: init.body } : {}),
      headers: { cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; ') },
      redirect: 'manual',
      signal: AbortSignal.timeout(5_000),
    });
    for (const line of res.headers.getSetCookie()) {
      const [pair = '', ...attributes] = line.split(';');
      const name = pair.slice(0, pair.indexOf('=')).trim();
      const value = pair.slice(pair.indexOf('=') + 1).trim();
      const expired = attributes.some((a) => {
        const [k = '', v = ''] = a.trim().split('=');
        return (
          (k.toLowerCase() === 'max-age' && Number(v) <= 0) ||
          (k.toLowerCase() === 'expires' && Date.parse(v) <= Date.now())
        );
      });
      if (expired || value === '') jar.delete(name);
      else jar.set(name, value);
    }
    return res;
  }

  cookie(host: string, name: string): string | undefined {
    return this.jars.get(host)?.get(name);
  }
}

const callbackPath = '/anmelden/oidc/rueckkehr';

/**
 * Runs the code flow from the app's start route through the provider's login and consent forms
 * up to the app's callback, and returns the callback's response.
 */
async function signIn(
  login: string,
  opts: { weiter?: string; tamper?: (callback: URL) => void; abort?: boolean } = {},
) {
  const browser = new Browser();
  let current = new URL(
    `${t.url}/anmelden/oidc?weiter=${encodeURIComponent(opts.weiter ?? '/konto')}`,
  );
  let res = await browser.fetch(current);
  for (let step = 0; step < 12; step++) {
    const location = res.headers.get('location');
    if (res.status >= 300 && res.status < 400 && location) {
      current = new URL(location, current);
      if (current.origin === t.url && current.pathname === callbackPath) {
        opts.tamper?.(current);
        return { res: await browser.fetch(current), browser };
      }
      res = await browser.fetch(current);
      continue;
    }
    if (res.status === 200 && current.pathname.startsWith('/interaction/')) {
      const html = await res.text();
      const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1]?.replaceAll('&amp;', '&');
      const prompt = /name="prompt" value="(\w+)"/.exec(html)?.[1];
      assert.ok(action && prompt, `no interaction form: ${html.slice(0, 300)}`);
      if (opts.abort) {
        current = new URL(`${current.pathname}/abort`, current);
        res = await browser.fetch(current);
        continue;
      }
      const fields: Record<string, string> =
        prompt === 'login' ? { prompt, login, password: 'beliebig' } : { prompt };
      current = new URL(action, current);
      res = await browser.fetch(current, { method: 'POST', body: new URLSearchParams(fields) });
      continue;
    }
    assert.fail(`unexpected ${res.status} at ${current.href}: ${(await res.text()).slice(0, 300)}`);
  }
  assert.fail('too many steps');
}

const appHost = () => new URL(t.url).host;

async function userCount(): Promise<number> {
  return (await t.database.db.select({ id: users.id }).from(users)).length;
}

test('the sign-in page offers the city account', async () => {
  const res = await fetch(`${t.url}/anmelden?weiter=%2Fkonto`, {
    signal: AbortSignal.timeout(5_000),
  });
  assert.match(await res.text(), /href="\/anmelden\/oidc\?weiter=%2Fkonto"/);
});

test(
  'the full code flow creates the user, maps departments and roles, and opens a session',
  { timeout: 20_000 },
  async () => {
    accounts.set('anna-sub', {
      email: 'Anna.Stadt@Stadt.example',
      email_verified: true,
      name: 'Anna Stadtmensch',
      departments: ['schule', 'Unbekannt'],
      roles: ['statistician', 'admin'],
    });
    const { res, browser } = await signIn('anna-sub');
    assert.equal(res.status, 303, await res.clone().text());
    assert.equal(res.headers.get('location'), '/konto');
    const sid = res.headers.getSetCookie().find((c) => c.startsWith('sid='));
    assert.ok(sid, 'session cookie set');
    assert.match(sid, /HttpOnly/i);
    assert.match(sid, /SameSite=Lax/i);
    assert.doesNotMatch(sid, /Secure/i, 'plain http here');
    assert.equal(browser.cookie(appHost(), 'oidc_anmeldung'), undefined, 'flow cookie used up');

    const konto = await browser.fetch(`${t.url}/konto`);
    assert.equal(konto.status, 200);
    const body = await konto.text();
    assert.match(body, /Anna Stadtmensch/);
    assert.match(body, /anna\.stadt@stadt\.example/);
    assert.match(body, /Organisation \(Fachbereich\): Schule, Statistik</);
    assert.doesNotMatch(body, /Administration/);

    const user = await findUserByOidc(t.database.db, issuer, 'anna-sub');
    assert.ok(user);
    assert.equal(user.status, 'active');
    assert.equal(user.passwordHash, null);
    assert.deepEqual(await grantsOf(t.database.db, user.id), [
      grant('organiser', { departmentId: 'schule' }),
      grant('statistician'),
    ]);
    const log = (await listAudit(t.database.db, 50)).filter((a) => a.entityId === String(user.id));
    assert.deepEqual(log.map((a) => a.action).sort(), ['user.create.oidc', 'user.grants.oidc']);
    assert.ok(
      log.every((a) => a.actorLabel === 'anna.stadt@stadt.example' && a.actorUserId === user.id),
    );
  },
);

test(
  'a second sign-in of the same subject: no new user; provider grants synchronised, hand-made ones kept',
  { timeout: 20_000 },
  async () => {
    const user = (await findUserByOidc(t.database.db, issuer, 'anna-sub'))!;
    await addGrant(t.database.db, user.id, grant('editor'));
    const before = await userCount();
    accounts.set('anna-sub', {
      ...accounts.get('anna-sub'),
      name: 'Anna Stadtmensch-Neu',
      departments: ['SCHULE', 'Gesundheit'],
      roles: ['participant'],
    });
    const { res } = await signIn('anna-sub', { weiter: '//boese.example/' });
    assert.equal(res.status, 303);
    assert.equal(res.headers.get('location'), '/konto', 'only local paths');
    assert.equal(await userCount(), before);
    assert.deepEqual(await grantsOf(t.database.db, user.id), [
      grant('editor'),
      grant('organiser', { departmentId: 'gesundheit' }),
      grant('organiser', { departmentId: 'schule' }),
      grant('participant'),
    ]);
    assert.equal((await findUser(t.database.db, user.id))!.displayName, 'Anna Stadtmensch-Neu');

    // Unchanged claims: nothing to record.
    const entries = (await listAudit(t.database.db, 500)).length;
    assert.equal((await signIn('anna-sub')).res.status, 303);
    assert.equal((await listAudit(t.database.db, 500)).length, entries);
  },
);

test(
  'a verified e-mail links an existing account; an unverified one does not',
  { timeout: 20_000 },
  async () => {
    const bernd = await insertUser(t.database.db, {
      email: 'bernd@stadt.example',
      displayName: 'Bernd',
      status: 'invited',
    });
    accounts.set('bernd-sub', {
      email: 'bernd@stadt.example',
      email_verified: true,
      name: 'Bernd B.',
    });
    const before = await userCount();
    const { res } = await signIn('bernd-sub');
    assert.equal(res.status, 303);
    assert.equal(await userCount(), before);
    const linked = (await findUserByOidc(t.database.db, issuer, 'bernd-sub'))!;
    assert.equal(linked.id, bernd.id);
    assert.equal(linked.status, 'active');
    assert.ok((await listAudit(t.database.db, 50)).some((a) => a.action === 'user.oidc.link'));

    await insertUser(t.database.db, {
      email: 'carla@stadt.example',
      displayName: 'Carla',
      status: 'active',
    });
    accounts.set('carla-sub', {
      email: 'carla@stadt.example',
      email_verified: false,
      name: 'Carla',
    });
    const refused = await signIn('carla-sub');
    assert.equal(refused.res.status, 401);
    assert.match(await refused.res.text(), /nicht bestätigt/);
    assert.equal(await findUserByOidc(t.database.db, issuer, 'carla-sub'), undefined);
  },
);

test(
  'refusals: tampered state, aborted at the provider, no e-mail, no flow cookie',
  { timeout: 30_000 },
  async () => {
    accounts.set('dora-sub', { email: 'dora@stadt.example', email_verified: true, name: 'Dora' });
    const tampered = await signIn('dora-sub', {
      tamper: (u) => u.searchParams.set('state', 'manipuliert'),
    });
    assert.equal(tampered.res.status, 401);
    assert.match(await tampered.res.text(), /konnte nicht bestätigt werden/);
    assert.ok(!tampered.res.headers.getSetCookie().some((c) => c.startsWith('sid=')));
    assert.equal(await findUserByOidc(t.database.db, issuer, 'dora-sub'), undefined);

    const aborted = await signIn('dora-sub', { abort: true });
    assert.equal(aborted.res.status, 401);
    assert.match(await aborted.res.text(), /abgebrochen oder abgelehnt/);

    accounts.set('ohne-mail', { name: 'Ohne Adresse' });
    const noMail = await signIn('ohne-mail');
    assert.equal(noMail.res.status, 401);
    assert.match(await noMail.res.text(), /keine E-Mail-Adresse/);

    const noFlow = await fetch(`${t.url}${callbackPath}?code=abc&state=xyz`, {
      signal: AbortSignal.timeout(5_000),
    });
    assert.equal(noFlow.status, 400);
    assert.match(await noFlow.text(), /abgelaufen/);
  },
);

test('a disabled user is refused', { timeout: 20_000 }, async () => {
  const user = (await findUserByOidc(t.database.db, issuer, 'anna-sub'))!;
  await updateUser(t.database.db, user.id, { status: 'disabled' });
  const { res } = await signIn('anna-sub');
  assert.equal(res.status, 403);
  assert.match(await res.text(), /Ihr Konto ist gesperrt/);
  assert.ok(!res.headers.getSetCookie().some((c) => c.startsWith('sid=')));
  await updateUser(t.database.db, user.id, { status: 'active' });
  assert.equal(
    (await t.database.db.select().from(users).where(eq(users.id, user.id)))[0]!.status,
    'active',
  );
});

test('configuration from the environment', () => {
  assert.equal(oidcConfigFromEnv({}), null);
  const c = oidcConfigFromEnv({
    OIDC_ISSUER: 'https://login.stadt.example/realms/stadt',
    OIDC_CLIENT_ID: 'x',
  });
  assert.ok(c);
  assert.equal(c.scopes, 'openid email profile');
  assert.equal(c.departmentClaim, 'departments');
  assert.equal(c.roleClaim, 'roles');
  assert.equal(c.allowAdmin, false);
  assert.equal(c.clientSecret, undefined);
  assert.throws(
    () => oidcConfigFromEnv({ OIDC_ISSUER: 'https://login.stadt.example' }),
    /OIDC_CLIENT_ID/,
  );
  assert.throws(
    () => oidcConfigFromEnv({ OIDC_ISSUER: 'http://login.stadt.example', OIDC_CLIENT_ID: 'x' }),
    /https/,
  );
});

test('claim mapping: nested claims, group paths, names, admin only when allowed', () => {
  const claims = {
    realm_access: { roles: ['Statistician', 'admin', 'organiser', 'offline_access'] },
    groups: ['/Stadt/Kinder und Jugend', 'ki'],
  };
  assert.deepEqual(claimValues(claims, 'realm_access.roles'), [
    'Statistician',
    'admin',
    'organiser',
    'offline_access',
  ]);
  const departments = [
    { id: 'kinder-jugend', name: 'Kinder und Jugend' },
    { id: 'ki', name: 'Kommunales Integrationszentrum' },
  ];
  const config = { departmentClaim: 'groups', roleClaim: 'realm_access.roles', allowAdmin: false };
  const mapped = grantsFromClaims(claims, config, departments);
  assert.deepEqual(mapped.grants, [
    grant('organiser', { departmentId: 'kinder-jugend' }),
    grant('organiser', { departmentId: 'ki' }),
    grant('statistician'),
  ]);
  assert.deepEqual(mapped.ignoredRoles, ['admin', 'organiser', 'offline_access']);
  assert.ok(
    grantsFromClaims(claims, { ...config, allowAdmin: true }, departments).grants.some(
      (g) => g.role === 'admin',
    ),
  );
});
