import { ExecutionContext, SetMetadata, createParamDecorator } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import { Role } from '../graphql/enums';
import { RequestContext } from './auth-user';

export const IS_PUBLIC = 'auth:public';
export const ROLES = 'auth:roles';

/** Open to anyone, signed in or not (registration, login). */
export const Public = () => SetMetadata(IS_PUBLIC, true);

/** Only these roles may call the operation; without it any signed-in user may. */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES, roles);

/** The signed-in user (null only on @Public operations). */
export const CurrentUser = createParamDecorator((_data: unknown, context: ExecutionContext) => {
  return GqlExecutionContext.create(context).getContext<RequestContext>().user;
});

/** The per-request DataLoaders. */
export const Loaders = createParamDecorator((_data: unknown, context: ExecutionContext) => {
  return GqlExecutionContext.create(context).getContext<RequestContext>().loaders;
});
