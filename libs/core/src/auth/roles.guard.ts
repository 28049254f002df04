import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext } from '@nestjs/graphql';
import { DomainError } from '../errors/domain.error';
import { Role } from '../graphql/enums';
import { RequestContext } from './auth-user';
import { IS_PUBLIC, ROLES } from './decorators';

/**
 * Registered globally: every GraphQL operation needs a signed-in user unless marked @Public, and
 * a role from @Roles when it has one. Field resolvers run under their parent's decision.
 */
@Injectable()
export class RolesGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    if (context.getType<string>() !== 'graphql') return true;
    const gql = GqlExecutionContext.create(context);
    const parentType = gql.getInfo<{ parentType: { name: string } }>().parentType.name;
    if (parentType !== 'Query' && parentType !== 'Mutation') return true;
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const user = gql.getContext<RequestContext>().user;
    if (!user) throw DomainError.unauthenticated();
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES, targets);
    if (roles && !roles.includes(user.role)) throw DomainError.forbidden();
    return true;
  }
}
