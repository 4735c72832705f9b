// Sign-in journeys through the real app and a real SMTP server: invitation, password rules, lockout, reset, sign-out.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, type TestApp } from '../../server/testing.ts';
import { startTestSmtp, type TestSmtp } from '../../mail/testing.ts';
import { createMailer } from '../../mail/mailer.ts';
import { grant, userWithSession } from './testing.ts';
import { listAudit } from './accounts.repository.ts';

let t: TestApp;
let smtp: TestSmtp;
let admin: string;
const goodPassword = 'Amsel Fahrrad Kohlenpott 1957';

before(async () => {
  smtp = await startTestSmtp();
  t = await createTestApp({ mailer: createMailer({ smtpUrl: smtp.url, dataDir: '/tmp' }) });
  admin = (await userWithSession(t.database, [grant('admin')], 'Admin')).cookie;
});
after(async () => {
  await t.close();
  await smtp.close();
});

/** GETs a page with a form and returns cookies and CSRF token to post it. */
async function form(url: string, cookie = '') {
  const page = await t.app.inject({ method: 'GET', url, headers: { cookie } });
  const token = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1] ?? '';
  const setCookie = ([] as string[])
    .concat(page.headers['set-cookie'] ?? [])
    .map((c) => c.split(';')[0]);
  return { page, token, cookie: [cookie, ...setCookie].filter(Boolean).join('; ') };
}

let client = 0;
async function post(
  url: string,
  fields: Record<string, string>,
  from: { token: string; cookie: string },
) {
  // Each call from its own address, so the per-address rate limit does not interfere with the lockout test.
  client += 1;
  return t.app.inject({
    method: 'POST',
    url,
    remoteAddress: `10.0.${Math.floor(client / 250)}.${client % 250}`,
    headers: { cookie: from.cookie, 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams({ ...fields, _csrf: from.token }).toString(),
  });
}

function linkFrom(text: string): string {
  const m = /https?:\/\/[^\s]+(\/passwort-neu\?token=[A-Za-z0-9_-]+)/.exec(text);
  assert.ok(m, `no link in: ${text}`);
  return m[1]!;
}

async function signIn(email: string, password: string) {
  const f = await form('/anmelden');
  return post('/anmelden', { email, password, weiter: '/konto' }, f);
}

test('an admin invites a person; the mail link sets a password that follows the rules; then sign-in works', async () => {
  const f = await form('/verwaltung/benutzer', admin);
  const invited = await post(
    '/verwaltung/benutzer',
    {
      displayName: 'Anna Beispiel',
      email: 'anna@example.org',
      role: 'organiser',
      departmentId: 'schule',
    },
    f,
  );
  assert.equal(invited.statusCode, 303);
  const mail = await smtp.next('anna@example.org');
  assert.match(mail.subject, /Einladung/);
  const link = linkFrom(mail.text);
  const setForm = await form(link);
  assert.equal(setForm.page.statusCode, 200);
  const token = new URL(link, 'http://x').searchParams.get('token')!;

  const weak = await post(
    '/passwort-neu',
    { token, password: 'passwort12345', password2: 'passwort12345' },
    setForm,
  );
  assert.equal(weak.statusCode, 400);
  assert.match(weak.body, /zu leicht zu erraten/);
  const short = await post(
    '/passwort-neu',
    { token, password: 'kurz', password2: 'kurz' },
    setForm,
  );
  assert.match(short.body, /mindestens 12 Zeichen/);
  const mismatch = await post(
    '/passwort-neu',
    { token, password: goodPassword, password2: `${goodPassword}x` },
    setForm,
  );
  assert.match(mismatch.body, /stimmen nicht überein/);

  const ok = await post(
    '/passwort-neu',
    { token, password: goodPassword, password2: goodPassword },
    setForm,
  );
  assert.equal(ok.statusCode, 303);
  const again = await post(
    '/passwort-neu',
    { token, password: goodPassword, password2: goodPassword },
    setForm,
  );
  assert.equal(again.statusCode, 400, 'a link works once');
  assert.equal((await t.app.inject({ method: 'GET', url: link })).statusCode, 400);

  const signedIn = await signIn('Anna@Example.org', goodPassword);
  assert.equal(signedIn.statusCode, 303);
  assert.equal(signedIn.headers.location, '/konto');
  const cookie = String(signedIn.headers['set-cookie']);
  assert.match(cookie, /sid=[^;]+;.*HttpOnly/i);
  assert.match(cookie, /SameSite=Lax/i);
  const account = await t.app.inject({
    method: 'GET',
    url: '/konto',
    headers: { cookie: cookie.split(';')[0]! },
  });
  assert.match(account.body, /Anna Beispiel/);
  assert.match(account.body, /Organisation \(Fachbereich\): Schule/);
  const actions = (await listAudit(t.database.db)).map((a) => a.action);
  assert.ok(
    actions.includes('user.invite') && actions.includes('user.accept-invite'),
    actions.join(','),
  );
});

test('five wrong passwords lock the account; the right one is refused while locked', async () => {
  const email = 'bernd@example.org';
  const f = await form('/verwaltung/benutzer', admin);
  await post('/verwaltung/benutzer', { displayName: 'Bernd', email, role: 'statistician' }, f);
  const link = linkFrom((await smtp.next(email)).text);
  const sf = await form(link);
  await post(
    '/passwort-neu',
    {
      token: new URL(link, 'http://x').searchParams.get('token')!,
      password: goodPassword,
      password2: goodPassword,
    },
    sf,
  );
  for (let i = 0; i < 5; i++) {
    const wrong = await signIn(email, 'falsches Passwort hier');
    assert.equal(wrong.statusCode, 401);
    assert.match(wrong.body, /E-Mail-Adresse oder Passwort ist falsch/);
  }
  const locked = await signIn(email, goodPassword);
  assert.equal(locked.statusCode, 429);
  assert.match(locked.body, /gesperrt/);
  const unknown = await signIn('niemand@example.org', goodPassword);
  assert.equal(unknown.statusCode, 401, 'unknown addresses get the same answer');
});

test('a reset link by mail sets a new password and ends all old sessions; unknown addresses get the same answer', async () => {
  const email = 'anna@example.org';
  const old = String((await signIn(email, goodPassword)).headers['set-cookie']).split(';')[0]!;
  const f = await form('/passwort-vergessen');
  const requested = await post('/passwort-vergessen', { email }, f);
  assert.equal(requested.headers.location, '/passwort-vergessen?gesendet=1');
  const unknown = await post('/passwort-vergessen', { email: 'niemand@example.org' }, f);
  assert.equal(unknown.headers.location, '/passwort-vergessen?gesendet=1');
  const link = linkFrom((await smtp.next(email)).text);
  const sf = await form(link);
  const newPassword = 'Zeche Zollverein Förderturm 88';
  const done = await post(
    '/passwort-neu',
    {
      token: new URL(link, 'http://x').searchParams.get('token')!,
      password: newPassword,
      password2: newPassword,
    },
    sf,
  );
  assert.equal(done.statusCode, 303);
  assert.equal(
    (await t.app.inject({ method: 'GET', url: '/konto', headers: { cookie: old } })).statusCode,
    303,
    'old session ended',
  );
  assert.equal((await signIn(email, goodPassword)).statusCode, 401);
  assert.equal((await signIn(email, newPassword)).statusCode, 303);
  assert.equal(smtp.inbox.filter((m) => m.to === 'niemand@example.org').length, 0);
});

test('the sign-in form is rate limited per address', async () => {
  const f = await form('/anmelden');
  const statuses: number[] = [];
  for (let i = 0; i < 12; i++) {
    const res = await t.app.inject({
      method: 'POST',
      url: '/anmelden',
      remoteAddress: '192.0.2.7',
      headers: { cookie: f.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({
        email: 'x@example.org',
        password: 'y',
        _csrf: f.token,
      }).toString(),
    });
    statuses.push(res.statusCode);
  }
  assert.deepEqual(statuses.slice(0, 10), Array(10).fill(401));
  assert.deepEqual(statuses.slice(10), [429, 429]);
});

test('sign out here, and everywhere', async () => {
  const email = 'anna@example.org';
  const a = String(
    (await signIn(email, 'Zeche Zollverein Förderturm 88')).headers['set-cookie'],
  ).split(';')[0]!;
  const b = String(
    (await signIn(email, 'Zeche Zollverein Förderturm 88')).headers['set-cookie'],
  ).split(';')[0]!;
  const f = await form('/konto', a);
  const out = await post('/konto/ueberall-abmelden', {}, f);
  assert.equal(out.statusCode, 303);
  for (const c of [a, b])
    assert.equal(
      (await t.app.inject({ method: 'GET', url: '/konto', headers: { cookie: c } })).statusCode,
      303,
    );
});

test('admins change roles and lock accounts; the audit log and its CSV export show who did what', async () => {
  const target = await userWithSession(t.database, [grant('participant')], 'Carla');
  const f = await form(`/verwaltung/benutzer/${target.userId}`, admin);
  assert.equal(
    (await post(`/verwaltung/benutzer/${target.userId}/rollen`, { role: 'editor' }, f)).statusCode,
    303,
  );
  const missingScope = await post(
    `/verwaltung/benutzer/${target.userId}/rollen`,
    { role: 'organiser' },
    f,
  );
  assert.equal(missingScope.statusCode, 400);
  assert.match(missingScope.body, /braucht einen Fachbereich/);
  assert.equal(
    (await post(`/verwaltung/benutzer/${target.userId}/status`, { status: 'disabled' }, f))
      .statusCode,
    303,
  );
  assert.equal(
    (await t.app.inject({ method: 'GET', url: '/konto', headers: { cookie: target.cookie } }))
      .statusCode,
    303,
    'a locked account is signed out',
  );
  const entries = await listAudit(t.database.db);
  const grantEntry = entries.find(
    (e) => e.action === 'user.grant.add' && e.entityId === String(target.userId),
  );
  assert.ok(grantEntry);
  assert.deepEqual(
    (grantEntry.after as { grants: { role: string }[] }).grants.map((g) => g.role).sort(),
    ['editor', 'participant'],
  );
  const csv = await t.app.inject({
    method: 'GET',
    url: '/verwaltung/protokoll.csv',
    headers: { cookie: admin },
  });
  assert.equal(csv.statusCode, 200);
  assert.match(csv.body, /^\uFEFF"id";"zeit";"wer"/);
  assert.match(csv.body, /user\.disable/);
  const page = await t.app.inject({
    method: 'GET',
    url: '/verwaltung/protokoll',
    headers: { cookie: admin },
  });
  assert.match(page.body, /user\.grant\.add/);
});

test('admins add and rename departments; bad input is refused in German; both are audited', async () => {
  const f = await form('/verwaltung/fachbereiche', admin);
  assert.match(f.page.body, /Kommunales Integrationszentrum/);
  const bad = await post('/verwaltung/fachbereiche', { id: 'Nicht gültig!', name: '' }, f);
  assert.equal(bad.statusCode, 400);
  assert.match(bad.body, /Kleinbuchstaben/);
  assert.equal(
    (await post('/verwaltung/fachbereiche', { id: 'wohnen', name: 'Wohnen' }, f)).statusCode,
    303,
  );
  assert.equal(
    (await post('/verwaltung/fachbereiche', { id: 'wohnen', name: 'Wohnen und Quartiere' }, f))
      .statusCode,
    303,
  );
  const page = await t.app.inject({
    method: 'GET',
    url: '/verwaltung/fachbereiche',
    headers: { cookie: admin },
  });
  assert.match(page.body, /Wohnen und Quartiere/);
  const actions = (await listAudit(t.database.db))
    .filter((a) => a.entity === 'department')
    .map((a) => a.action);
  assert.deepEqual(actions, ['department.rename', 'department.create']);
});
