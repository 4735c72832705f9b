// The authorization matrix: every registered route × every role gets the outcome its declared policy says.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, type TestApp } from './testing.ts';
import { decide, roles, type Actor, type Role } from '../core/policy.ts';
import { grant, userWithSession } from '../modules/accounts/testing.ts';
import { createSession, sessionCookie } from '../modules/accounts/sessions.ts';

let t: TestApp;
const everyone = ['anonymous', ...roles] as const;
const userIds = new Map<Role, number>();
before(async () => {
  t = await createTestApp({ seed: true });
  for (const role of roles) {
    const u = await userWithSession(t.database, [grant(role)], role);
    userIds.set(role, u.userId);
  }
});

/** A fresh session per call: some allowed calls (sign out) end the session they use. */
async function freshCookie(role: Role | 'anonymous'): Promise<string> {
  if (role === 'anonymous') return '';
  return `${sessionCookie}=${await createSession(t.database, userIds.get(role)!, {})}`;
}
after(async () => t.close());

/** Example values for route parameters, so that every route can be called. */
const examples: Record<string, string> = {
  system: 'berlin-lor-2021',
  code: '01100101',
  id: '1',
  '*': 'app.css',
};

function concrete(url: string): string {
  return url
    .replace(/:([a-z]+)/g, (_, name: string) => examples[name] ?? 'x')
    .replace('*', examples['*']!);
}

async function csrfFor(cookie: string): Promise<{ cookie: string; token: string }> {
  const page = await t.app.inject({ method: 'GET', url: '/barriere-melden', headers: { cookie } });
  const token = /name="_csrf" value="([^"]+)"/.exec(page.body)![1]!;
  const secret = String(page.headers['set-cookie']).split(';')[0]!;
  return { cookie: [cookie, secret].filter(Boolean).join('; '), token };
}

test('every route × role: allowed calls pass the policy, others get 401/403 (or the login redirect)', async () => {
  const routes = t.app.routeTable.filter((r) => r.method === 'GET' || r.method === 'POST');
  assert.ok(routes.length > 25, `${routes.length} routes`);
  const failures: string[] = [];
  for (const route of routes) {
    for (const who of everyone) {
      const own = await freshCookie(who);
      const actor: Actor | null =
        who === 'anonymous'
          ? null
          : { userId: 0, email: '', displayName: '', sessionHash: '', grants: [grant(who)] };
      const expected = decide(route.policy, actor);
      const { cookie, token } =
        route.method === 'POST' ? await csrfFor(own) : { cookie: own, token: '' };
      const res = await t.app.inject({
        method: route.method as 'GET' | 'POST',
        url: concrete(route.url),
        headers: {
          cookie,
          'content-type': 'application/x-www-form-urlencoded',
          'x-csrf-token': token,
        },
        payload: route.method === 'POST' ? `_csrf=${encodeURIComponent(token)}` : undefined,
      });
      const denied401 =
        res.statusCode === 401 ||
        (res.statusCode === 303 && String(res.headers.location).startsWith('/anmelden?weiter='));
      const ok =
        expected === 'allow'
          ? res.statusCode !== 401 && res.statusCode !== 403 && res.statusCode < 500
          : expected === 'unauthenticated'
            ? denied401
            : res.statusCode === 403;
      if (!ok)
        failures.push(
          `${route.method} ${route.url} as ${who}: expected ${expected}, got ${res.statusCode}`,
        );
    }
  }
  assert.deepEqual(failures, []);
});

test('a tampered or unknown session cookie counts as anonymous', async () => {
  const admin = await freshCookie('admin');
  const tampered = admin.slice(0, -2) + (admin.endsWith('AA') ? 'BB' : 'AA');
  for (const cookie of [tampered, 'sid=nonsense', `sid=${'x'.repeat(500)}`]) {
    const res = await t.app.inject({ method: 'GET', url: '/verwaltung', headers: { cookie } });
    assert.equal(res.statusCode, 303, cookie.slice(0, 20));
    assert.match(String(res.headers.location), /^\/anmelden\?weiter=/);
  }
  assert.equal(
    (await t.app.inject({ method: 'GET', url: '/verwaltung', headers: { cookie: admin } }))
      .statusCode,
    200,
  );
});

test('the audit export: visitors are sent to sign in, participants are refused', async () => {
  const res = await t.app.inject({ method: 'GET', url: '/verwaltung/protokoll.csv' });
  assert.equal(res.statusCode, 303);
  const forbidden = await t.app.inject({
    method: 'GET',
    url: '/verwaltung/protokoll.csv',
    headers: { cookie: await freshCookie('participant') },
  });
  assert.equal(forbidden.statusCode, 403);
  assert.match(forbidden.body, /Berechtigung/);
});
