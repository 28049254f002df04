import { AuthUser, DomainError, Role, addDays, isIsoDate } from '@app/core';
import { Injectable } from '@nestjs/common';
import { PathwayOutcomeRow, RelationshipRepository } from './relationship.repository';

/**
 * outcomeSummary: for an organisation's funders, distance travelled per need pathway over the
 * people (referrals) whose latest END rating was recorded between `from` and `to` (UTC days, both
 * included); a person re-matched after their mentor left counts once. Only the organisation's
 * coordinators (and admins) ask; PostgreSQL does the arithmetic.
 */
@Injectable()
export class OutcomeSummary {
  constructor(private readonly outcomes: RelationshipRepository) {}

  async execute(
    actor: AuthUser,
    organisationId: string,
    from: string,
    to: string,
  ): Promise<PathwayOutcomeRow[]> {
    if (actor.role === Role.COORDINATOR && actor.organisationId !== organisationId)
      throw DomainError.forbidden("Only the organisation's own coordinators see its outcomes");
    if (!isIsoDate(from)) throw DomainError.badInput('from', 'must be a real date');
    if (!isIsoDate(to)) throw DomainError.badInput('to', 'must be a real date');
    if (from > to) throw DomainError.badInput('to', `must be on or after from (${from})`);
    if (actor.role === Role.ADMIN && !(await this.outcomes.organisationExists(organisationId)))
      throw DomainError.notFound('Organisation');
    return this.outcomes.outcomeSummary(
      organisationId,
      new Date(`${from}T00:00:00Z`),
      new Date(`${addDays(to, 1)}T00:00:00Z`),
    );
  }
}
