// Passwords: argon2id hashes and the rules after BSI/NIST (length, no common or guessable passwords).
import argon2 from 'argon2';
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as german from '@zxcvbn-ts/language-de';

const strength = new ZxcvbnFactory({
  dictionary: { ...common.dictionary, ...german.dictionary },
  graphs: common.adjacencyGraphs,
  translations: german.translations,
});

export const minPasswordLength = 12;
export const maxPasswordLength = 128;

/** OWASP's argon2id recommendation: 19 MiB, 2 iterations, 1 lane (fast enough for a 2-core server). */
const hashOptions = {
  type: argon2.argon2id,
  memoryCost: 19456,
  timeCost: 2,
  parallelism: 1,
} as const;

export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, hashOptions);
}

export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false;
  }
}

/** A hash to verify against when the account does not exist, so timing does not tell. */
let dummyHash: Promise<string> | undefined;
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword('kein-konto-vorhanden-0000');
  return dummyHash;
}

/** German problems with a new password; empty when it may be used. */
export function passwordProblems(password: string, userInputs: string[] = []): string[] {
  const problems: string[] = [];
  if (password.length < minPasswordLength)
    problems.push(`Das Passwort muss mindestens ${minPasswordLength} Zeichen lang sein.`);
  if (password.length > maxPasswordLength)
    problems.push(`Das Passwort darf höchstens ${maxPasswordLength} Zeichen lang sein.`);
  if (problems.length > 0) return problems;
  // Names and addresses count as known words, whole and in their parts (anna.beispiel@… → anna, beispiel).
  const words = userInputs
    .flatMap((u) => [u, ...u.toLowerCase().split(/[^\p{L}\p{N}]+/u)])
    .filter((w) => w.length >= 3);
  const result = strength.check(password, words);
  const common = result.sequence.some(
    (m: { pattern: string; token: string }) =>
      m.pattern === 'dictionary' && m.token.length >= password.length - 2,
  );
  type Match = { pattern: string; dictionaryName?: string };
  const personal = result.sequence.some(
    (m: Match) => m.pattern === 'dictionary' && m.dictionaryName === 'userInputs',
  );
  if (personal && result.score < 4) {
    problems.push(
      'Das Passwort enthält Ihren Namen oder Ihre E-Mail-Adresse. Wählen Sie bitte ein anderes.',
    );
    return problems;
  }
  if (common || result.score < 3) {
    problems.push(
      'Dieses Passwort ist zu leicht zu erraten (es steht in Listen häufiger Passwörter oder folgt einem einfachen Muster). Wählen Sie zum Beispiel mehrere unzusammenhängende Wörter.',
    );
  }
  return problems;
}
