import { AuthUser, DomainError, LatLng, OrganisationSpecialism, checkPageSize, ENGLISH, normaliseLanguage } from '@app/core';
import { toOutcode } from '@app/geo';
import { OrganisationObject } from '@app/organisations';
import { Injectable } from '@nestjs/common';
import { SchemeObject } from '../dto/scheme.object';
import { ServiceSearchInput } from '../dto/service-search.input';
import { PlaceDirectory } from '../places';
import { SchemeRepository } from '../scheme.repository';
import { RankCandidate, RankQuery, rankServices, wantedSpecialisms } from './rank-services';
import { ServiceSearchFilter, ServiceSearchRow } from './service-search.sql';

export interface ServiceMatch {
  scheme: SchemeObject;
  /** Read in the same statement; the resolver primes the organisationById loader with it. */
  organisation: OrganisationObject;
  distanceKm: number | null;
  score: number;
  reasons: string[];
  hasCapacity: boolean;
  throughTheGate: boolean;
}

interface Place {
  outcode: string | null;
  point: LatLng | null;
  localAuthority: { code: string; name: string } | null;
}

export type SearchCandidate = RankCandidate & { row: ServiceSearchRow };

/** A statement row as ranking sees it. */
export function toCandidate(row: ServiceSearchRow): SearchCandidate {
  return {
    row,
    id: row.id,
    name: row.name,
    pathways: row.pathways,
    deliveryModes: row.delivery_modes,
    coverageLocalAuthorities: row.coverage_local_authorities,
    national: row.national,
    prisonsServed: row.prisons_served,
    capacity: row.capacity,
    activeMentees: row.active_mentees,
    organisationSpecialisms: row.organisation_specialisms as OrganisationSpecialism[],
    distanceKm: row.distance_km === null ? null : Number(row.distance_km),
  };
}

function toScheme(row: ServiceSearchRow): SchemeObject {
  return Object.assign(new SchemeObject(), {
    id: row.id,
    name: row.name,
    description: row.description,
    organisationId: row.organisation_id,
    pathways: row.pathways,
    genders: row.genders,
    minAge: row.min_age,
    maxAge: row.max_age,
    maxRiskLevel: row.max_risk_level,
    deliveryModes: row.delivery_modes,
    languages: row.languages,
    location:
      row.latitude === null || row.longitude === null
        ? null
        : { latitude: row.latitude, longitude: row.longitude },
    postcode: row.postcode,
    coverageLocalAuthorities: row.coverage_local_authorities,
    radiusKm: row.radius_km,
    national: row.national,
    prisonsServed: row.prisons_served,
    requiredDbsLevel: row.required_dbs_level,
    requiredBarredLists: row.required_barred_lists,
    capacity: row.capacity,
    activeMentees: row.active_mentees,
    active: row.active,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  });
}

function toOrganisation(row: ServiceSearchRow): OrganisationObject {
  return Object.assign(new OrganisationObject(), {
    id: row.organisation_id,
    name: row.organisation_name,
    charityNumber: row.organisation_charity_number,
    specialisms: row.organisation_specialisms,
    dbsRecheckYears: row.organisation_dbs_recheck_years,
  });
}

/**
 * searchServices: where the person is released to, who covers it, ranked and explained. The release
 * postcode is reduced to its outcode at once and never stored or logged.
 */
@Injectable()
export class ServiceSearchService {
  constructor(
    private readonly schemes: SchemeRepository,
    private readonly places: PlaceDirectory,
  ) {}

  async search(actor: AuthUser, input: ServiceSearchInput): Promise<ServiceMatch[]> {
    const first = checkPageSize(input.first ?? 20);
    const radiusKm = input.radiusKm ?? 40;
    const language = this.language(input.language);
    const place = await this.place(input);
    const prison = await this.prison(input.prisonCode ?? actor.prisonCode);
    const filter: ServiceSearchFilter = {
      point: place.point,
      localAuthorityCode: place.localAuthority?.code ?? null,
      radiusKm,
      needs: input.needs ?? [],
      gender: input.gender ?? null,
      age: input.age ?? null,
      riskLevel: input.riskLevel ?? null,
      deliveryModes: input.deliveryModes ?? [],
      language: language === ENGLISH ? null : language,
      includeFull: input.includeFull ?? false,
    };
    const query: RankQuery = {
      outcode: place.outcode,
      localAuthority: place.localAuthority,
      prison,
      radiusKm,
      needs: filter.needs,
      gender: filter.gender,
      age: filter.age,
      riskLevel: filter.riskLevel,
      language: filter.language,
      preferredSpecialisms: input.preferredSpecialisms ?? [],
    };
    // The statement ranks and cuts to `first`; rankServices explains those rows (same order).
    const rows = await this.schemes.searchCandidates(filter, {
      prisonCode: prison?.code ?? null,
      wantedSpecialisms: [...wantedSpecialisms(query)],
      first,
    });
    return rankServices(rows.map(toCandidate), query, first).map((ranked) => ({
      scheme: toScheme(ranked.candidate.row),
      organisation: toOrganisation(ranked.candidate.row),
      distanceKm: ranked.distanceKm,
      score: ranked.score,
      reasons: ranked.reasons,
      hasCapacity: ranked.hasCapacity,
      throughTheGate: ranked.throughTheGate,
    }));
  }

  private language(given: string | null | undefined): string | null {
    if (!given) return null;
    const language = normaliseLanguage(given);
    if (!language)
      throw DomainError.badInput('input.language', `${given} is not an ISO 639-1 language code`);
    return language;
  }

  /** From the postcode's outcode (preferred), else the local authority's centre. */
  private async place(input: ServiceSearchInput): Promise<Place> {
    if (input.releasePostcode) {
      const outcode = toOutcode(input.releasePostcode, 'input.releasePostcode');
      const found = await this.places.outcode(outcode);
      if (!found)
        throw DomainError.badInput('input.releasePostcode', `unknown postcode district ${outcode}`);
      const authority = found.localAuthorityCode
        ? await this.places.localAuthority(found.localAuthorityCode)
        : null;
      return {
        outcode,
        point: found.location,
        localAuthority: authority ? { code: authority.gssCode, name: authority.name } : null,
      };
    }
    if (input.localAuthorityCode) {
      const code = input.localAuthorityCode.trim().toUpperCase();
      const authority = await this.places.localAuthority(code);
      if (!authority)
        throw DomainError.badInput(
          'input.localAuthorityCode',
          `unknown local authority code ${code}`,
        );
      return {
        outcode: null,
        point: authority.location,
        localAuthority: { code, name: authority.name },
      };
    }
    throw DomainError.badInput(
      'input.releasePostcode',
      'give the release postcode (or outcode) or localAuthorityCode',
    );
  }

  private async prison(
    code: string | null | undefined,
  ): Promise<{ code: string; name: string } | null> {
    if (!code) return null;
    const normalised = code.trim().toUpperCase();
    const prison = await this.places.prison(normalised);
    if (!prison)
      throw DomainError.badInput('input.prisonCode', `unknown prison code ${normalised}`);
    return prison;
  }
}
