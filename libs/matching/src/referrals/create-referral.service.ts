import {
  AuditService,
  AuthUser,
  Clock,
  DomainError,
  ErrorCode,
  Role,
  isUniqueViolation,
  normaliseLanguage,
} from '@app/core';
import { toOutcode } from '@app/geo';
import { NotifyService } from '@app/notifications';
import { SchemeRepository } from '@app/schemes';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CreateReferralInput } from './dto/create-referral.input';
import { referralEligibility } from './referral-eligibility';
import { ReferralStatus } from './referral-status';
import { ReferralEntity } from './referral.entity';
import { ReferralRepository } from './referral.repository';
import { checkReleaseDate } from './release-date';

const PRISON_NUMBER = /^[A-Z][0-9]{4}[A-Z]{2}$/;

/**
 * createReferral: prison staff (of that prison) or an admin refer one person to one scheme. The
 * release postcode is reduced to its outcode at once and never stored or logged.
 */
@Injectable()
export class CreateReferral {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly referrals: ReferralRepository,
    private readonly schemes: SchemeRepository,
    private readonly notify: NotifyService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async execute(actor: AuthUser, input: CreateReferralInput): Promise<ReferralEntity> {
    const personReference = input.personReference.trim().toUpperCase();
    if (!PRISON_NUMBER.test(personReference)) {
      throw DomainError.badInput(
        'input.personReference',
        'must be a prison number: one letter, four digits, two letters (A1234BC)',
      );
    }
    const prisonCode = input.prisonCode.trim().toUpperCase();
    if (!(await this.referrals.prisonExists(prisonCode))) {
      throw DomainError.badInput('input.prisonCode', `unknown prison code ${prisonCode}`);
    }
    if (actor.role !== Role.ADMIN && actor.prisonCode !== prisonCode) {
      throw DomainError.forbidden('Prison staff refer people from their own prison only');
    }
    const releaseDate = checkReleaseDate(
      input.releaseDate,
      this.clock.today(),
      'input.releaseDate',
    );
    if (input.consentGiven !== true) {
      throw DomainError.badInput('input.consentGiven', 'the person must consent to the referral');
    }
    const outcode = toOutcode(input.releasePostcode, 'input.releasePostcode');
    const place = await this.referrals.releasePlace(outcode);
    if (!place)
      throw DomainError.badInput('input.releasePostcode', `unknown postcode district ${outcode}`);
    const languages = referralLanguages(input.languages ?? []);

    const scheme = await this.schemes.findById(input.schemeId);
    if (!scheme) throw DomainError.notFound('Scheme');
    const reasons = referralEligibility(
      { ...scheme, distanceKm: await this.referrals.schemeDistanceKm(scheme.id, place.location) },
      {
        gender: input.gender,
        age: input.age,
        riskLevel: input.riskLevel,
        needs: input.needs,
        languages,
        releaseOutcode: outcode,
        releaseLocalAuthorityCode: place.localAuthorityCode,
      },
    );
    if (reasons.length > 0) {
      throw new DomainError(
        ErrorCode.NOT_ELIGIBLE,
        `Not eligible for ${scheme.name}: ${reasons.join('; ')}`,
        { reasons },
      );
    }

    try {
      return await this.dataSource.transaction(async (manager) => {
        const referral = await this.referrals.insert(manager, {
          schemeId: scheme.id,
          organisationId: scheme.organisationId,
          status: ReferralStatus.SENT,
          personReference,
          prisonCode,
          releaseDate,
          releaseOutcode: outcode,
          releaseLocalAuthorityCode: place.localAuthorityCode,
          needs: input.needs,
          riskLevel: input.riskLevel,
          gender: input.gender,
          age: input.age,
          languages,
          referredBy: actor.id,
          consentRecordedAt: this.clock.now(),
        });
        await this.audit.record(manager, {
          actorUserId: actor.id,
          action: 'referral.created',
          entityType: 'referral',
          entityId: referral.id,
          details: { schemeId: scheme.id, prisonCode },
        });
        await this.notify.enqueue(manager, {
          kind: 'referral.received',
          recipients: [{ coordinatorsOf: scheme.organisationId }],
          data: { referralId: referral.id, schemeName: scheme.name },
          dedupeKey: `referral.received:${referral.id}`,
        });
        return referral;
      });
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw DomainError.conflict('This person already has an open referral to this scheme');
      }
      throw error;
    }
  }
}

/** ISO 639-1 codes in any case become lower-case and de-duplicated, as createScheme takes them. */
function referralLanguages(given: readonly string[]): string[] {
  const languages: string[] = [];
  for (const value of given) {
    const language = normaliseLanguage(value);
    if (!language) {
      throw DomainError.badInput(
        'input.languages',
        `${JSON.stringify(value)} is not an ISO 639-1 language code`,
      );
    }
    languages.push(language);
  }
  return [...new Set(languages)];
}
