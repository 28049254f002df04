import {
  AuthUser,
  DomainError,
  Page,
  checkPageSize,
  decodeCursor,
  plainName,
  toPage,
} from '@app/core';
import { Injectable } from '@nestjs/common';
import { VolunteerProfileObject } from './dto/volunteer-profile.object';
import { VolunteersArgs } from './dto/volunteers.args';
import { canReach, listScope } from './volunteer-access';
import { VolunteerProfileEntity } from './volunteer-profile.entity';
import { VolunteerRepository } from './volunteer.repository';

/** Reading volunteers, within what the caller's role and organisation allow. */
@Injectable()
export class VolunteersService {
  constructor(private readonly volunteers: VolunteerRepository) {}

  /** The signed-in mentor's own profile, or null. */
  findOwn(actor: AuthUser): Promise<VolunteerProfileEntity | null> {
    return this.volunteers.findByUserId(actor.id);
  }

  /** One volunteer the actor may reach; NOT_FOUND both when it does not exist and when it is not theirs to see. */
  async findReachable(actor: AuthUser, id: string): Promise<VolunteerProfileEntity> {
    const volunteer = await this.volunteers.findById(id);
    if (!volunteer || !canReach(actor, volunteer)) throw DomainError.notFound('Volunteer');
    return volunteer;
  }

  /** A page of volunteers, newest first; coordinators see only their organisation's. */
  async list(actor: AuthUser, args: VolunteersArgs): Promise<Page<VolunteerProfileObject>> {
    const organisationId = listScope(actor, args.organisationId);
    const first = checkPageSize(args.first);
    const after = decodeCursor(args.after);
    const filter = {
      organisationId,
      status: args.status ?? null,
      // Searched for as display names are kept.
      search: plainName(args.search ?? '') || null,
    };
    const [rows, totalCount] = await Promise.all([
      this.volunteers.page(filter, after, first + 1),
      this.volunteers.count(filter),
    ]);
    return toPage(rows, first, totalCount, VolunteerProfileObject.from);
  }
}
