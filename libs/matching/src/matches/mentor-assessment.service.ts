import { Clock } from '@app/core';
import { SchemeEntity } from '@app/schemes';
import { ClearanceService, VettingCheckRepository, VettingCheckRow } from '@app/vetting';
import { VolunteerProfileEntity } from '@app/volunteers';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { ReferralEntity } from '../referrals/referral.entity';
import { MatchRepository } from './match.repository';
import { MentorFit, mentorFit } from './mentor-fit';

/** One candidate mentor with how they fit a referral. */
export interface AssessedMentor {
  volunteer: VolunteerProfileEntity;
  distanceKm: number;
  fit: MentorFit;
}

/** Ids per query when reading many volunteers' checks (style.md: split long IN lists). */
const CHUNK = 2000;

/**
 * Applies mentorFit to the organisation's volunteers for one referral: clearance is evaluated for
 * the scheme on the release date (a check expiring before then does not count).
 */
@Injectable()
export class MentorAssessment {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly matches: MatchRepository,
    private readonly clearance: ClearanceService,
    private readonly checks: VettingCheckRepository,
    private readonly clock: Clock,
  ) {}

  async assess(
    referral: ReferralEntity,
    scheme: SchemeEntity,
    options: { volunteerId?: string; manager?: EntityManager } = {},
  ): Promise<AssessedMentor[]> {
    const manager = options.manager ?? this.dataSource.manager;
    const candidates = await this.matches.candidates(
      scheme.organisationId,
      referral.releaseOutcode,
      options.volunteerId,
    );
    const [requirement] = await this.clearance.requirements([scheme.id]);
    if (!requirement || candidates.length === 0) return [];
    const checksByVolunteer = new Map<string, VettingCheckRow[]>();
    const ids = candidates.map((candidate) => candidate.volunteer.id);
    for (let start = 0; start < ids.length; start += CHUNK) {
      for (const row of await this.checks.findByVolunteerIds(
        ids.slice(start, start + CHUNK),
        manager,
      )) {
        const list = checksByVolunteer.get(row.volunteerId) ?? [];
        list.push(row);
        checksByVolunteer.set(row.volunteerId, list);
      }
    }
    const today = this.clock.today();
    return candidates.map(({ volunteer, distanceKm }) => {
      const clearance = this.clearance.evaluate(
        checksByVolunteer.get(volunteer.id) ?? [],
        requirement.requirement,
        referral.releaseDate,
      );
      const fit = mentorFit(
        {
          status: volunteer.status,
          gender: volunteer.gender,
          languages: volunteer.languages,
          pathways: volunteer.pathways,
          livedExperience: volunteer.livedExperience,
          deliveryModes: volunteer.deliveryModes,
          travelRadiusKm: volunteer.travelRadiusKm,
          maxMentees: volunteer.maxMentees,
          activeMentees: volunteer.activeMentees,
          activeSince: volunteer.activeSince
            ? volunteer.activeSince.toISOString().slice(0, 10)
            : null,
          distanceKm,
          clearanceMissing: clearance.cleared ? [] : clearance.missing,
        },
        {
          needs: referral.needs,
          riskLevel: referral.riskLevel,
          languages: referral.languages,
          schemeGenders: scheme.genders,
          schemeDeliveryModes: scheme.deliveryModes,
          today,
        },
      );
      return { volunteer, distanceKm, fit };
    });
  }
}
