import { Page, Role, Roles, checkPageSize, decodeCursor, toPage } from '@app/core';
import { Args, Query, Resolver } from '@nestjs/graphql';
import { UserConnectionObject } from './dto/user-connection.object';
import { UserObject } from './dto/user.object';
import { UsersArgs } from './dto/users.args';
import { UserRepository } from './user.repository';

/** ADMIN's directory of accounts: how an admin finds the staff member to disable, for instance. */
@Resolver(() => UserObject)
export class UserDirectoryResolver {
  constructor(private readonly accounts: UserRepository) {}

  @Roles(Role.ADMIN)
  @Query(() => UserConnectionObject, {
    description: 'Every account, oldest first (ADMIN), narrowed by the filters given.',
  })
  async users(@Args() args: UsersArgs): Promise<Page<UserObject>> {
    const first = checkPageSize(args.first);
    const { rows, totalCount } = await this.accounts.page(
      {
        role: args.role ?? null,
        organisationId: args.organisationId ?? null,
        prisonCode: args.prisonCode?.trim().toUpperCase() || null,
        disabled: args.disabled ?? null,
        search: args.search?.trim() || null,
      },
      decodeCursor(args.after),
      first,
    );
    return toPage(rows, first, totalCount, UserObject.from);
  }
}
