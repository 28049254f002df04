import { Role } from '../graphql/enums';

/** Who is calling, as proven by the bearer token. */
export interface AuthUser {
  id: string;
  role: Role;
  organisationId: string | null;
  prisonCode: string | null;
}

/** What resolvers find in the GraphQL context. */
export interface RequestContext {
  req: { headers: Record<string, string | string[] | undefined>; ip: string; id?: unknown };
  user: AuthUser | null;
  loaders: import('../graphql/loaders').RequestLoaders;
}
