import { Clock, DeliveryMode } from '@app/core';
import { SchemeEntity } from '@app/schemes';
import { ClearanceService, VettingCheckRepository, VettingCheckRow } from '@app/vetting';
import { VolunteerProfileEntity } from '@app/volunteers';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { ReferralEntity } from '../referrals/referral.entity';
import { clearanceDay } from './clearance-day';
import { MatchRepository } from './match.repository';
import {
  MentorCandidateFilter,
  MentorCandidateRow,
  excludedMentorsSql,
  mentorSuggestionsSql,
  toVolunteer,
} from './mentor-candidates.sql';
import {
  MentorFacts,
  MentorFit,
  PlacementFacts,
  activeServiceSince,
  isWomensScheme,
  languagesToShare,
  mentorFit,
  remoteModes,
} from './mentor-fit';

/** One candidate mentor with how they fit a referral. */
export interface AssessedMentor {
  volunteer: VolunteerProfileEntity;
  distanceKm: number;
  fit: MentorFit;
}

/** Ids per query when reading many volunteers' checks (style.md: split long IN lists). */
const CHUNK = 2000;

/**
 * How far excludedMentors looks first, in km: most of the nearest excluded volunteers are found
 * close by, and the search widens (to everyone at the end) only when fewer than asked were found.
 */
const EXCLUDED_RADII_KM = [25, 100, 400];

/**
 * Applies mentorFit to the organisation's volunteers for one referral: clearance is evaluated for
 * the scheme on its clearanceDay (the release date, or today once it has passed).
 *
 * `suggest` and `excluded` let one SQL statement (mentor-candidates.sql.ts) pick the few mentors
 * to show; mentorFit then says, for those few, the same reasons, components and score as `assess`
 * gives every candidate.
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

  /**
   * Every candidate of the organisation (one with `volunteerId`), nearest first, with its fit.
   * With the caller's `manager` (proposeMatch, respondToMatch) the candidates' accounts are read
   * FOR SHARE, so an account disabled meanwhile is either seen here or waits for the commit.
   */
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
    const checksByVolunteer = await this.checksOf(
      candidates.map((candidate) => candidate.volunteer.id),
      manager,
    );
    const disabled = await this.disabledAccounts(
      candidates.map((candidate) => candidate.volunteer.userId),
      manager,
    );
    const placement = placementOf(referral, scheme, this.clock.today());
    const asOf = clearanceDay(referral.releaseDate, placement.today);
    return candidates.map(({ volunteer, distanceKm }) => {
      const clearance = this.clearance.evaluate(
        checksByVolunteer.get(volunteer.id) ?? [],
        requirement.requirement,
        asOf,
      );
      const fit = mentorFit(
        mentorFactsOf(
          volunteer,
          distanceKm,
          clearance.cleared ? [] : clearance.missing,
          disabled.has(volunteer.userId),
        ),
        placement,
      );
      return { volunteer, distanceKm, fit };
    });
  }

  /**
   * The `first` mentors who may be proposed, best first (score, then nearer, then id): those
   * `assess` finds without exclusions, in that order, found by one statement.
   */
  async suggest(
    referral: ReferralEntity,
    scheme: SchemeEntity,
    first: number,
  ): Promise<AssessedMentor[]> {
    const placement = placementOf(referral, scheme, this.clock.today());
    const { text, values } = mentorSuggestionsSql(
      candidateFilter(referral, scheme, placement.today),
      first,
    );
    const rows: MentorCandidateRow[] = await this.dataSource.query(text, values);
    // The statement applied every hard rule, clearance included; mentorFit words the rest.
    return rows
      .map((row) => {
        const volunteer = toVolunteer(row);
        const distanceKm = Number(row.distance_km);
        return {
          volunteer,
          distanceKm,
          fit: mentorFit(mentorFactsOf(volunteer, distanceKm, [], row.account_disabled), placement),
        };
      })
      .sort(bestFirst);
  }

  /** The `first` nearest volunteers who may not be proposed (nearest, then id), and why. */
  async excluded(
    referral: ReferralEntity,
    scheme: SchemeEntity,
    first: number,
  ): Promise<AssessedMentor[]> {
    const placement = placementOf(referral, scheme, this.clock.today());
    const filter = candidateFilter(referral, scheme, placement.today);
    let rows: MentorCandidateRow[] = [];
    for (const withinKm of [...EXCLUDED_RADII_KM, null]) {
      const { text, values } = excludedMentorsSql(filter, first, withinKm);
      rows = await this.dataSource.query(text, values);
      // Everyone beyond the radius is farther than anyone found well inside it.
      const last = rows.at(-1);
      if (withinKm === null || (rows.length === first && last && last.distance_km < withinKm - 1))
        break;
    }
    if (rows.length === 0) return [];
    const [requirement] = await this.clearance.requirements([scheme.id]);
    if (!requirement) return [];
    const checksByVolunteer = await this.checksOf(
      rows.map((row) => row.id),
      this.dataSource.manager,
    );
    return rows.map((row) => {
      const volunteer = toVolunteer(row);
      const distanceKm = Number(row.distance_km);
      const clearance = this.clearance.evaluate(
        checksByVolunteer.get(volunteer.id) ?? [],
        requirement.requirement,
        filter.asOf,
      );
      const fit = mentorFit(
        mentorFactsOf(
          volunteer,
          distanceKm,
          clearance.cleared ? [] : clearance.missing,
          row.account_disabled,
        ),
        placement,
      );
      return { volunteer, distanceKm, fit };
    });
  }

  /**
   * The users among `userIds` whose account is disabled, each row read FOR SHARE: in the caller's
   * transaction a disabling either shows here or waits for the commit (outside one it costs nothing).
   */
  private async disabledAccounts(
    userIds: readonly string[],
    manager: EntityManager,
  ): Promise<Set<string>> {
    const disabled = new Set<string>();
    for (let start = 0; start < userIds.length; start += CHUNK) {
      const rows: { id: string; disabled: boolean }[] = await manager.query(
        `SELECT id, disabled_at IS NOT NULL AS disabled FROM users
          WHERE id = ANY($1::uuid[]) ORDER BY id FOR SHARE`,
        [userIds.slice(start, start + CHUNK)],
      );
      for (const row of rows) if (row.disabled) disabled.add(row.id);
    }
    return disabled;
  }

  private async checksOf(
    ids: readonly string[],
    manager: EntityManager,
  ): Promise<Map<string, VettingCheckRow[]>> {
    const checksByVolunteer = new Map<string, VettingCheckRow[]>();
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
    return checksByVolunteer;
  }
}

/** Suggestions' order: higher score, then nearer, then id. */
export function bestFirst(a: AssessedMentor, b: AssessedMentor): number {
  return (
    b.fit.score - a.fit.score ||
    a.distanceKm - b.distanceKm ||
    a.volunteer.id.localeCompare(b.volunteer.id)
  );
}

function placementOf(
  referral: ReferralEntity,
  scheme: SchemeEntity,
  today: string,
): PlacementFacts {
  return {
    needs: referral.needs,
    riskLevel: referral.riskLevel,
    languages: referral.languages,
    schemeGenders: scheme.genders,
    schemeDeliveryModes: scheme.deliveryModes,
    today,
  };
}

/**
 * The facts about a volunteer that mentorFit judges, for one referral (distance, clearance and
 * whether their user account is disabled given: the profile holds none of them).
 */
export function mentorFactsOf(
  volunteer: VolunteerProfileEntity,
  distanceKm: number,
  clearanceMissing: string[],
  accountDisabled: boolean,
): MentorFacts {
  return {
    status: volunteer.status,
    accountDisabled,
    gender: volunteer.gender,
    languages: volunteer.languages,
    pathways: volunteer.pathways,
    livedExperience: volunteer.livedExperience,
    deliveryModes: volunteer.deliveryModes,
    travelRadiusKm: volunteer.travelRadiusKm,
    maxMentees: volunteer.maxMentees,
    activeMentees: volunteer.activeMentees,
    activeSince: volunteer.activeSince ? volunteer.activeSince.toISOString().slice(0, 10) : null,
    distanceKm,
    clearanceMissing,
  };
}

/** The referral in the statements' terms, decided by mentor-fit's own helpers (the benchmark too). */
export function candidateFilter(
  referral: ReferralEntity,
  scheme: SchemeEntity,
  today: string,
): MentorCandidateFilter {
  return {
    organisationId: scheme.organisationId,
    releaseOutcode: referral.releaseOutcode,
    remoteModes: remoteModes(Object.values(DeliveryMode), scheme.deliveryModes),
    femaleOnly: isWomensScheme(scheme.genders),
    activeSince: activeServiceSince(referral.riskLevel, today),
    // As ClearanceService.requirements has it; the statement needs the prisons only to know there are some.
    requirement: {
      dbsLevel: scheme.requiredDbsLevel,
      barredLists: [...scheme.requiredBarredLists].sort(),
      prisonsServed: scheme.prisonsServed,
    },
    asOf: clearanceDay(referral.releaseDate, today),
    needs: referral.needs,
    languages: languagesToShare(referral.languages),
  };
}
