// Manifest of the accounts module: sign-in (password and single sign-on), sessions, roles, staff administration, audit log.
import type { ModuleManifest } from '../../core/module.ts';
import { accountsRoutes } from './routes.ts';
import { oidcRoutes } from './oidc.routes.ts';
import { adminRoutes } from './admin.routes.ts';
import { seedDepartments } from './seed.ts';
import { actorForToken, sessionCookie } from './sessions.ts';

export const accountsModule: ModuleManifest = {
  name: 'accounts',
  routes: (app, ctx) => {
    accountsRoutes(app, ctx);
    oidcRoutes(app, ctx);
    adminRoutes(app, ctx);
  },
  seed: (ctx) => seedDepartments(ctx.database),
  authenticate: (req, ctx) => actorForToken(ctx.database, req.cookies[sessionCookie]),
};

export { audit } from './audit.ts';
export { createUserWithPassword, inviteUser } from './manage-users.ts';
export { seedDepartments } from './seed.ts';
export { logIn } from './log-in.ts';
export { passwordProblems } from './passwords.ts';
