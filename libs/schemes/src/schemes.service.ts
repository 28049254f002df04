import {
  AuditService,
  AuthUser,
  DomainError,
  LatLng,
  Page,
  Role,
  checkPageSize,
  decodeCursor,
  toPage,
} from '@app/core';
import { toOutcode } from '@app/geo';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CreateSchemeInput } from './dto/create-scheme.input';
import { SchemeObject } from './dto/scheme.object';
import { UpdateSchemeInput } from './dto/update-scheme.input';
import { PlaceDirectory } from './places';
import { SchemeEvents } from './scheme-events';
import { SchemeDraft, checkSchemeDraft } from './scheme-rules';
import { SchemeEntity } from './scheme.entity';
import { SchemeRepository, SchemeVisibility } from './scheme.repository';

/** Who may see what: everyone signed in the active schemes; coordinators also their own; admins all. */
export function visibilityFor(actor: AuthUser): SchemeVisibility {
  if (actor.role === Role.ADMIN) return { all: true, organisationId: null };
  if (actor.role === Role.COORDINATOR) return { all: false, organisationId: actor.organisationId };
  return { all: false, organisationId: null };
}

export function canSee(
  actor: AuthUser,
  scheme: { active: boolean; organisationId: string },
): boolean {
  const visibility = visibilityFor(actor);
  return (
    scheme.active ||
    visibility.all ||
    (visibility.organisationId !== null && visibility.organisationId === scheme.organisationId)
  );
}

function assertManages(actor: AuthUser, organisationId: string): void {
  if (actor.role === Role.ADMIN) return;
  if (actor.role === Role.COORDINATOR && actor.organisationId === organisationId) return;
  throw DomainError.forbidden("You can only manage your own organisation's schemes");
}

/** "ls61aa" → "LS6 1AA"; an outcode stays an outcode. */
function normalisePostcode(raw: string): { postcode: string; outcode: string } {
  const outcode = toOutcode(raw, 'input.postcode');
  const compact = raw.replace(/\s+/g, '').toUpperCase();
  return {
    outcode,
    postcode: compact === outcode ? outcode : `${outcode} ${compact.slice(outcode.length)}`,
  };
}

/** Optional fields an update may set to null. */
const CLEARABLE = new Set(['minAge', 'maxAge', 'postcode', 'radiusKm']);

const DRAFT_FIELDS: (keyof SchemeDraft)[] = [
  'name',
  'description',
  'pathways',
  'genders',
  'minAge',
  'maxAge',
  'maxRiskLevel',
  'deliveryModes',
  'languages',
  'postcode',
  'coverageLocalAuthorities',
  'radiusKm',
  'national',
  'prisonsServed',
  'requiredDbsLevel',
  'requiredBarredLists',
  'capacity',
];

/** Schemes: create, update and read, with the organisation's rules; every change is audited and announced. */
@Injectable()
export class SchemesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly schemes: SchemeRepository,
    private readonly places: PlaceDirectory,
    private readonly audit: AuditService,
    private readonly events: SchemeEvents,
  ) {}

  async create(actor: AuthUser, input: CreateSchemeInput): Promise<SchemeEntity> {
    assertManages(actor, input.organisationId);
    const draft = checkSchemeDraft({
      name: input.name,
      description: input.description,
      pathways: input.pathways,
      genders: input.genders ?? [],
      minAge: input.minAge ?? null,
      maxAge: input.maxAge ?? null,
      maxRiskLevel: input.maxRiskLevel,
      deliveryModes: input.deliveryModes,
      languages: input.languages ?? [],
      postcode: input.postcode ?? null,
      coverageLocalAuthorities: input.coverageLocalAuthorities ?? [],
      radiusKm: input.radiusKm ?? null,
      national: input.national ?? false,
      prisonsServed: input.prisonsServed ?? [],
      requiredDbsLevel: input.requiredDbsLevel,
      requiredBarredLists: input.requiredBarredLists ?? [],
      capacity: input.capacity,
    });
    const base = await this.checkGeography(draft);
    return this.dataSource.transaction(async (manager) => {
      if (!(await this.schemes.organisationExists(manager, input.organisationId))) {
        throw DomainError.badInput('input.organisationId', 'unknown organisation');
      }
      const scheme = await this.schemes.save(
        manager,
        this.schemes.create(manager, {
          ...draft,
          ...base,
          organisationId: input.organisationId,
          activeMentees: 0,
          active: true,
        }),
      );
      await this.audit.record(manager, {
        actorUserId: actor.id,
        action: 'scheme.created',
        entityType: 'scheme',
        entityId: scheme.id,
        details: { organisationId: scheme.organisationId },
      });
      await this.events.changed(manager, {
        schemeId: scheme.id,
        organisationId: scheme.organisationId,
        change: 'created',
        version: 1,
      });
      return scheme;
    });
  }

  async update(actor: AuthUser, id: string, input: UpdateSchemeInput): Promise<SchemeEntity> {
    return this.dataSource.transaction(async (manager) => {
      const scheme = await this.schemes.findForUpdate(manager, id);
      if (!scheme) throw DomainError.notFound('Scheme');
      assertManages(actor, scheme.organisationId);
      const { active, ...fields } = input;
      const given = Object.fromEntries(
        Object.entries(fields).filter(([, value]) => value !== undefined),
      );
      for (const [field, value] of Object.entries(given)) {
        if (value === null && !CLEARABLE.has(field))
          throw DomainError.badInput(`input.${field}`, 'cannot be cleared');
      }
      if (active === null) throw DomainError.badInput('input.active', 'cannot be cleared');
      const current = Object.fromEntries(
        DRAFT_FIELDS.map((field) => [field, scheme[field]]),
      ) as unknown as SchemeDraft;
      const draft = checkSchemeDraft({ ...current, ...(given as Partial<SchemeDraft>) });
      Object.assign(scheme, draft, await this.checkGeography(draft));
      if (active !== undefined) scheme.active = active;
      const changed = [...Object.keys(given), ...(active !== undefined ? ['active'] : [])];
      const saved = await this.schemes.save(manager, scheme);
      await this.audit.record(manager, {
        actorUserId: actor.id,
        action: 'scheme.updated',
        entityType: 'scheme',
        entityId: scheme.id,
        details: { organisationId: scheme.organisationId, fields: changed },
      });
      await this.events.changed(manager, {
        schemeId: scheme.id,
        organisationId: scheme.organisationId,
        change: 'updated',
        version: 1,
      });
      return saved;
    });
  }

  /** The scheme when the caller may see it; null otherwise (an inactive scheme of another organisation is not found). */
  async findVisible(actor: AuthUser, id: string): Promise<SchemeEntity | null> {
    const scheme = await this.schemes.findById(id);
    return scheme && canSee(actor, scheme) ? scheme : null;
  }

  async page(
    actor: AuthUser,
    args: { organisationId?: string; first?: number; after?: string },
  ): Promise<Page<SchemeObject>> {
    const first = checkPageSize(args.first ?? 20);
    const after = decodeCursor(args.after);
    const { rows, totalCount } = await this.schemes.page(
      { organisationId: args.organisationId },
      visibilityFor(actor),
      after,
      first,
    );
    return toPage(rows, first, totalCount, SchemeObject.from);
  }

  /**
   * Local authority and prison codes must exist (BAD_USER_INPUT naming the first unknown code);
   * the base comes from the postcode's outcode.
   */
  private async checkGeography(
    draft: SchemeDraft,
  ): Promise<{ postcode: string | null; outcode: string | null; location: LatLng | null }> {
    const authorities = await this.places.localAuthorities(draft.coverageLocalAuthorities);
    const unknownAuthority = draft.coverageLocalAuthorities.find((code) => !authorities.has(code));
    if (unknownAuthority) {
      throw DomainError.badInput(
        'input.coverageLocalAuthorities',
        `unknown local authority code ${unknownAuthority}`,
      );
    }
    const prisons = await this.places.prisonsByCode(draft.prisonsServed);
    const unknownPrison = draft.prisonsServed.find((code) => !prisons.has(code));
    if (unknownPrison)
      throw DomainError.badInput('input.prisonsServed', `unknown prison code ${unknownPrison}`);
    if (!draft.postcode) return { postcode: null, outcode: null, location: null };
    const { postcode, outcode } = normalisePostcode(draft.postcode);
    const place = await this.places.outcode(outcode);
    if (!place)
      throw DomainError.badInput('input.postcode', `unknown postcode district ${outcode}`);
    return { postcode, outcode, location: place.location };
  }
}
