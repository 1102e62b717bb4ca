import type { Config } from '../config.ts';
import type { Db, Scope } from '../db/database.ts';
import type { LoadedPolicy } from '../modules/policy/load-policy.ts';
import type { ReadCache } from './read-cache.ts';

/** What every route can reach: the database, the configuration and the active policy. */
export interface AppContext {
  db: Db;
  config: Config;
  policy: LoadedPolicy;
  /** Hot directory reads (decision 0008). */
  readCache: ReadCache;
  /** Customers and contracts case openings looked up (decision 0010). */
  openingContexts: ReadCache;
  /** Customer, contract and partner names that case lists show (decision 0012). */
  caseNames: ReadCache;
}

export interface Authentication {
  scope: Scope;
  /** 'session' for sign-in sessions (bearer or cookie), 'api_token' for personal API tokens. */
  method: 'session' | 'api_token';
  sessionId: string | null;
  csrfToken: string | null;
  viaCookie: boolean;
}

declare module 'fastify' {
  interface FastifyInstance {
    ctx: AppContext;
  }
  interface FastifyRequest {
    auth: Authentication | null;
  }
  interface FastifyContextConfig {
    /** Route answers without authentication (sign-in, health). */
    public?: boolean;
    /**
     * The route's writes never touch the tables the read cache answers from (partners, customers,
     * contracts), so its success need not empty the cache.
     */
    leavesDirectory?: boolean;
  }
}
