// Sessions and passwords on the real engine: idle and absolute timeouts, disabled users, argon2id, password rules.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Database } from '../../db/client.ts';
import { createTestDatabase } from '../../db/testing.ts';
import {
  actorForToken,
  createSession,
  hashToken,
  idleTimeoutMs,
  absoluteTimeoutMs,
} from './sessions.ts';
import { insertUser, updateUser, findSession } from './accounts.repository.ts';
import { hashPassword, passwordProblems, verifyPassword } from './passwords.ts';

let database: Database;
let userId: number;
before(async () => {
  database = await createTestDatabase();
  userId = (
    await insertUser(database.db, {
      email: 'sara@example.org',
      displayName: 'Sara',
      status: 'active',
    })
  ).id;
});
after(async () => database.close());

test('a session lives until it is idle too long or too old, and only its hash is stored', async () => {
  const token = await createSession(database, userId, { ip: '127.0.0.1' });
  assert.equal(await findSession(database.db, token), undefined, 'the raw token is not stored');
  assert.ok(await findSession(database.db, hashToken(token)));
  assert.equal((await actorForToken(database, token))?.userId, userId);
  const now = Date.now();
  assert.equal(
    await actorForToken(database, token, now + idleTimeoutMs + 1000),
    null,
    'idle timeout',
  );
  assert.equal(
    await findSession(database.db, hashToken(token)),
    undefined,
    'an expired session is deleted',
  );
  const other = await createSession(database, userId, {});
  assert.ok(await actorForToken(database, other, now + idleTimeoutMs - 60_000));
  assert.equal(
    await actorForToken(database, other, now + absoluteTimeoutMs + 1000),
    null,
    'absolute timeout',
  );
});

test('a disabled user has no session', async () => {
  const token = await createSession(database, userId, {});
  await updateUser(database.db, userId, { status: 'disabled' });
  assert.equal(await actorForToken(database, token), null);
  await updateUser(database.db, userId, { status: 'active' });
  assert.ok(await actorForToken(database, token));
});

test('argon2id hashes; common, short and name-based passwords are refused', async () => {
  const hash = await hashPassword('Amsel Fahrrad Kohlenpott 1957');
  assert.match(hash, /^\$argon2id\$v=19\$m=19456,p=1,t=2\$/);
  assert.equal(await verifyPassword(hash, 'Amsel Fahrrad Kohlenpott 1957'), true);
  assert.equal(await verifyPassword(hash, 'Amsel Fahrrad Kohlenpott 1958'), false);
  assert.equal(await verifyPassword('kein hash', 'x'), false);
  assert.deepEqual(passwordProblems('Amsel Fahrrad Kohlenpott 1957'), []);
  for (const weak of ['passwort12345', 'qwertzuiop123', 'hallohallo12', '123456789012'])
    assert.ok(passwordProblems(weak).length > 0, weak);
  assert.match(passwordProblems('kurz')[0]!, /mindestens 12/);
  assert.ok(
    passwordProblems('sara.beispiel2024', ['sara.beispiel@example.org', 'Sara Beispiel']).length >
      0,
  );
});
