// HTTP routes of single sign-on: to the city's OIDC provider (code flow with PKCE, state and nonce) and back.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import * as client from 'openid-client';
import type { AppContext } from '../../core/module.ts';
import { AppError } from '../../core/errors.ts';
import '../../core/http.ts';
import {
  createOidcClient,
  oidcConfigFromEnv,
  signInWithOidc,
  type OidcClaims,
  type OidcConfig,
} from './oidc.ts';
import { absoluteTimeoutMs, sessionCookie } from './sessions.ts';

export const oidcStartPath = '/anmelden/oidc';
export const oidcCallbackPath = '/anmelden/oidc/rueckkehr';
/** Holds state, nonce and PKCE verifier between the redirect to the provider and the way back. */
export const oidcFlowCookie = 'oidc_anmeldung';
const flowMinutes = 10;

interface Flow {
  state: string;
  nonce: string;
  verifier: string;
  weiter: string;
  redirectUri: string;
  /** Expiry in ms since the epoch; the cookie is signed, so this cannot be extended. */
  exp: number;
}

/** Only local paths, never another host. */
function safeNext(value: unknown): string {
  return typeof value === 'string' &&
    value.startsWith('/') &&
    !value.startsWith('//') &&
    !value.startsWith('/\\')
    ? value
    : '/konto';
}

function readFlow(req: FastifyRequest): Flow | null {
  const raw = req.cookies[oidcFlowCookie];
  if (!raw) return null;
  const unsigned = req.unsignCookie(raw);
  if (!unsigned.valid || unsigned.value === null) return null;
  try {
    const flow = JSON.parse(Buffer.from(unsigned.value, 'base64url').toString('utf8')) as Flow;
    for (const key of ['state', 'nonce', 'verifier', 'weiter', 'redirectUri'] as const)
      if (typeof flow[key] !== 'string') return null;
    return typeof flow.exp === 'number' && flow.exp > Date.now() ? flow : null;
  } catch {
    return null;
  }
}

const notConfigured = () =>
  new AppError('not_found', 'Die Anmeldung über die Stadtverwaltung ist nicht eingerichtet.');
const unreachable = () =>
  new AppError(
    'internal',
    'Der Anmeldedienst der Stadtverwaltung ist gerade nicht erreichbar. Bitte versuchen Sie es später erneut.',
  );

/**
 * Registers the sign-on routes. The configuration is read from the environment at registration
 * unless given; without it both routes answer 404.
 */
export function oidcRoutes(
  app: FastifyInstance,
  ctx: AppContext,
  config: OidcConfig | null = oidcConfigFromEnv(process.env),
): void {
  const oidc = config ? createOidcClient(config) : null;
  const secure = (req: FastifyRequest) => req.protocol === 'https';
  const redirectUri = (req: FastifyRequest, c: OidcConfig) =>
    c.redirectUrl ??
    `${ctx.config.publicUrl ?? `${req.protocol}://${req.host}`}${oidcCallbackPath}`;
  const options = {
    config: { policy: 'public' as const, rateLimit: { max: 30, timeWindow: '1 minute' } },
  };

  async function discovered(req: FastifyRequest) {
    try {
      return await oidc!.configuration();
    } catch (e) {
      req.log.error({ err: e, issuer: oidc!.config.issuer }, 'OIDC: Discovery fehlgeschlagen');
      throw unreachable();
    }
  }

  app.get(oidcStartPath, options, async (req, reply) => {
    if (!oidc) throw notConfigured();
    const configuration = await discovered(req);
    const verifier = client.randomPKCECodeVerifier();
    const flow: Flow = {
      state: client.randomState(),
      nonce: client.randomNonce(),
      verifier,
      weiter: safeNext((req.query as Record<string, unknown>)['weiter']),
      redirectUri: redirectUri(req, oidc.config),
      exp: Date.now() + flowMinutes * 60_000,
    };
    const url = client.buildAuthorizationUrl(configuration, {
      redirect_uri: flow.redirectUri,
      scope: oidc.config.scopes,
      code_challenge: await client.calculatePKCECodeChallenge(verifier),
      code_challenge_method: 'S256',
      state: flow.state,
      nonce: flow.nonce,
    });
    reply.setCookie(oidcFlowCookie, Buffer.from(JSON.stringify(flow)).toString('base64url'), {
      path: oidcStartPath,
      httpOnly: true,
      sameSite: 'lax',
      secure: secure(req),
      maxAge: flowMinutes * 60,
      signed: true,
    });
    return reply.redirect(url.href, 303);
  });

  app.get(oidcCallbackPath, options, async (req, reply) => {
    if (!oidc) throw notConfigured();
    const flow = readFlow(req);
    // The flow is good for one return only.
    reply.clearCookie(oidcFlowCookie, { path: oidcStartPath });
    if (!flow)
      throw new AppError(
        'invalid_input',
        'Die Anmeldung ist abgelaufen oder wurde in einem anderen Fenster begonnen. Bitte melden Sie sich erneut an.',
      );
    const query = req.query as Record<string, unknown>;
    if (query['error'] !== undefined) {
      req.log.warn(
        { error: query['error'], description: query['error_description'] },
        'OIDC: Anbieter meldet Fehler',
      );
      throw new AppError(
        'unauthenticated',
        'Die Anmeldung bei der Stadtverwaltung wurde abgebrochen oder abgelehnt.',
      );
    }
    const configuration = await discovered(req);
    // The URL the provider redirected to: our registered callback with the provider's parameters.
    const currentUrl = new URL(flow.redirectUri);
    currentUrl.search = new URL(req.url, 'http://localhost').search;
    let claims: OidcClaims;
    try {
      const tokens = await client.authorizationCodeGrant(configuration, currentUrl, {
        pkceCodeVerifier: flow.verifier,
        expectedState: flow.state,
        expectedNonce: flow.nonce,
        idTokenExpected: true,
      });
      const idToken = tokens.claims();
      if (!idToken) throw new Error('no ID token');
      claims = { ...idToken };
      if (configuration.serverMetadata().userinfo_endpoint) {
        const info = await client.fetchUserInfo(configuration, tokens.access_token, idToken.sub);
        claims = { ...claims, ...info, sub: idToken.sub };
      }
    } catch (e) {
      req.log.warn({ err: e }, 'OIDC: Antwort des Anbieters abgelehnt');
      throw new AppError(
        'unauthenticated',
        'Die Anmeldung bei der Stadtverwaltung konnte nicht bestätigt werden. Bitte versuchen Sie es erneut.',
      );
    }
    const { token } = await signInWithOidc(
      ctx.database,
      oidc.config,
      claims,
      {
        ip: req.ip,
        ...(req.headers['user-agent'] ? { userAgent: req.headers['user-agent'] } : {}),
      },
      req.log,
    );
    reply.setCookie(sessionCookie, token, {
      path: '/',
      httpOnly: true,
      sameSite: 'lax',
      secure: secure(req),
      maxAge: absoluteTimeoutMs / 1000,
    });
    return reply.redirect(flow.weiter, 303);
  });
}
