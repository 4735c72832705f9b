// What the server puts on every request for the modules: the page context and the route's policy.
import type { PageContext } from '../ui/page.ts';

/** Who may call a route; the accounts module will add roles. Every route declares one. */
export type RoutePolicy = 'public';

declare module 'fastify' {
  interface FastifyRequest {
    page: PageContext;
  }
  interface FastifyInstance {
    /** Every registered route with its declared policy (for the authorization tests). */
    routeTable: { method: string; url: string; policy: string | undefined }[];
  }
  interface FastifyContextConfig {
    policy?: RoutePolicy;
  }
}

export const publicRoute = { config: { policy: 'public' as RoutePolicy } };
