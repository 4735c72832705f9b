// What the server puts on every request for the modules: page context, the acting user, route policies.
import type { PageContext } from '../ui/page.ts';
import type { Actor, RoutePolicy } from './policy.ts';

export type { RoutePolicy };

declare module 'fastify' {
  interface FastifyRequest {
    page: PageContext;
    /** The signed-in user, or null for anonymous visitors. */
    actor: Actor | null;
  }
  interface FastifyInstance {
    /** Every registered route with its declared policy (for the authorization tests). */
    routeTable: { method: string; url: string; policy: RoutePolicy | undefined }[];
  }
  interface FastifyContextConfig {
    policy?: RoutePolicy;
  }
}
