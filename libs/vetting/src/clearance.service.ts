import { SchemeRepository } from '@app/schemes';
import { Injectable } from '@nestjs/common';
import {
  CheckFacts,
  ClearanceRequirement,
  ClearanceResult,
  VettingCheckStatus,
  evaluateClearance,
} from './clearance';
import { VettingCheckRepository, VettingCheckRow } from './vetting-check.repository';

/** A scheme's requirement, with the organisation that runs it. */
export interface SchemeRequirement {
  schemeId: string;
  organisationId: string;
  requirement: ClearanceRequirement;
}

/** What clearance needs to know about a stored check. */
export function factsOf(row: VettingCheckRow): CheckFacts {
  return {
    kind: row.kind,
    // The decision, not the shown status: whether it is in date is judged on the day asked.
    status: row.outcome ?? VettingCheckStatus.REQUESTED,
    dbsLevel: row.dbsLevel,
    barredLists: row.outcome === VettingCheckStatus.BARRED ? row.barredOn : row.barredLists,
    expiresOn: row.expiresOn,
    decidedAt: row.decidedAt?.toISOString() ?? null,
    superseded: row.superseded,
  };
}

/** "Leeds (HMP)" → "HMP Leeds"; "Manchester (HMP & YOI)" → "HMP & YOI Manchester". */
export function prisonDisplayName(registerName: string): string {
  const match = /^(.*?)\s*\(([^)]+)\)$/.exec(registerName.trim());
  return match ? `${match[2]} ${match[1]}` : registerName.trim();
}

/** Clearance of volunteers for schemes (or their organisation's baseline), from their checks. */
@Injectable()
export class ClearanceService {
  constructor(
    private readonly schemes: SchemeRepository,
    private readonly checks: VettingCheckRepository,
  ) {}

  evaluate(
    rows: readonly VettingCheckRow[],
    requirement: ClearanceRequirement,
    asOf: string,
  ): ClearanceResult {
    return evaluateClearance(rows.map(factsOf), requirement, asOf);
  }

  /** The requirement of each scheme (null for an unknown id), in the order asked; one query each. */
  async requirements(schemeIds: readonly string[]): Promise<(SchemeRequirement | null)[]> {
    const schemes = await this.schemes.findByIds(schemeIds);
    const names = await this.checks.prisonNames([
      ...new Set(schemes.flatMap((s) => s.prisonsServed)),
    ]);
    const byId = new Map(
      schemes.map((scheme) => [
        scheme.id,
        {
          schemeId: scheme.id,
          organisationId: scheme.organisationId,
          requirement: {
            dbsLevel: scheme.requiredDbsLevel,
            barredLists: [...scheme.requiredBarredLists].sort(),
            prisonsServed: scheme.prisonsServed.map((code) => {
              const name = names.get(code);
              return name ? prisonDisplayName(name) : code;
            }),
          },
        },
      ]),
    );
    return schemeIds.map((id) => byId.get(id) ?? null);
  }
}
