import { randomInt } from 'node:crypto';
import { TestApi } from './app';
import { createScheme, schemeInput } from './schemes';

// Helpers for the vetting e2e tests: requesting checks and recording outcomes over GraphQL.

export const CHECK_FIELDS = `id kind status dbsLevel barredLists barredOn certificateNumber issuedOn expiresOn
  updateServiceSubscribed requestedAt decidedAt`;

export const REQUEST_CHECK = `mutation($input: RequestVettingCheckInput!) {
  requestVettingCheck(input: $input) { ${CHECK_FIELDS} }
}`;

export const RECORD_OUTCOME = `mutation($input: RecordVettingOutcomeInput!) {
  recordVettingOutcome(input: $input) { ${CHECK_FIELDS} }
}`;

export const UPDATE_SERVICE = `mutation($checkId: ID!, $result: UpdateServiceResult!) {
  recordUpdateServiceStatus(checkId: $checkId, result: $result) { ${CHECK_FIELDS} }
}`;

export const CLEARANCE = `query($id: ID!, $schemeId: ID, $asOf: Date) {
  volunteer(id: $id) { id clearance(schemeId: $schemeId, asOf: $asOf) { cleared missing expiresOn } }
}`;

export const CHECKS = `query($id: ID!) { volunteer(id: $id) { id checks { ${CHECK_FIELDS} } } }`;
export const CHECKS_WITH_NOTES = `query($id: ID!) { volunteer(id: $id) { id checks { id kind notes } } }`;

export interface CheckView {
  id: string;
  kind: string;
  status: string;
  dbsLevel: string | null;
  barredLists: string[];
  barredOn: string[] | null;
  certificateNumber: string | null;
  issuedOn: string | null;
  expiresOn: string | null;
  updateServiceSubscribed: boolean;
  requestedAt: string;
  decidedAt: string | null;
}

export interface ClearanceView {
  cleared: boolean;
  missing: string[];
  expiresOn: string | null;
}

/** A made-up 12-digit DBS certificate number. */
export function certificateNumber(): string {
  return String(randomInt(10 ** 11, 10 ** 12 - 1)).padStart(12, '0');
}

/** Requests a check, failing the test on any error. */
export async function requestCheck(
  api: TestApi,
  token: string,
  input: { volunteerId: string; kind: string; dbsLevel?: string; barredLists?: string[] },
): Promise<CheckView> {
  return (await api.ok<{ requestVettingCheck: CheckView }>(REQUEST_CHECK, { input }, token))
    .requestVettingCheck;
}

/** Records an outcome, failing the test on any error. */
export async function recordOutcome(
  api: TestApi,
  token: string,
  input: Record<string, unknown> & { checkId: string; status: string },
): Promise<CheckView> {
  return (await api.ok<{ recordVettingOutcome: CheckView }>(RECORD_OUTCOME, { input }, token))
    .recordVettingOutcome;
}

export interface CheckSpec {
  kind: string;
  status?: string;
  dbsLevel?: string;
  barredLists?: string[];
  barredOn?: string[];
  issuedOn?: string;
  notes?: string;
  updateServiceSubscribed?: boolean;
}

/**
 * Requests a check and records its outcome (CLEAR unless said otherwise). DBS outcomes get a
 * certificate number and an issue date (2026-06-01 unless given); risk assessments and
 * rejections get notes.
 */
export async function completeCheck(
  api: TestApi,
  token: string,
  volunteerId: string,
  spec: CheckSpec,
): Promise<CheckView> {
  const requested = await requestCheck(api, token, {
    volunteerId,
    kind: spec.kind,
    dbsLevel: spec.dbsLevel,
    barredLists: spec.barredLists,
  });
  const status = spec.status ?? 'CLEAR';
  const isDbs = spec.kind === 'DBS';
  const needsNotes = spec.kind === 'CONVICTION_RISK_ASSESSMENT' || status === 'REJECTED';
  return recordOutcome(api, token, {
    checkId: requested.id,
    status,
    ...(isDbs
      ? { certificateNumber: certificateNumber(), issuedOn: spec.issuedOn ?? '2026-06-01' }
      : {}),
    ...(!isDbs && spec.issuedOn ? { issuedOn: spec.issuedOn } : {}),
    ...(spec.barredOn ? { barredOn: spec.barredOn } : {}),
    ...(spec.updateServiceSubscribed !== undefined
      ? { updateServiceSubscribed: spec.updateServiceSubscribed }
      : {}),
    ...(spec.notes || needsNotes ? { notes: spec.notes ?? 'Decision and reasons recorded' } : {}),
  });
}

/** IDENTITY and two REFERENCEs, CLEAR: the baseline without its DBS check. */
export const IDENTITY_AND_REFERENCES: CheckSpec[] = [
  { kind: 'IDENTITY' },
  { kind: 'REFERENCE' },
  { kind: 'REFERENCE' },
];

/** Completes several checks in order. */
export async function completeChecks(
  api: TestApi,
  token: string,
  volunteerId: string,
  specs: CheckSpec[],
): Promise<CheckView[]> {
  const done: CheckView[] = [];
  for (const spec of specs) done.push(await completeCheck(api, token, volunteerId, spec));
  return done;
}

export async function clearanceOf(
  api: TestApi,
  token: string,
  volunteerId: string,
  options: { schemeId?: string; asOf?: string } = {},
): Promise<ClearanceView> {
  const data = await api.ok<{ volunteer: { clearance: ClearanceView } }>(
    CLEARANCE,
    { id: volunteerId, ...options },
    token,
  );
  return data.volunteer.clearance;
}

/** A national, remote scheme of the organisation with the given vetting requirements. */
export async function vettingScheme(
  api: TestApi,
  token: string,
  organisationId: string,
  requirement: {
    requiredDbsLevel: string;
    requiredBarredLists?: string[];
    prisonsServed?: string[];
  },
): Promise<{ id: string }> {
  return createScheme(
    api,
    token,
    schemeInput(organisationId, {
      name: `Vetting ${requirement.requiredDbsLevel} ${(requirement.requiredBarredLists ?? []).join('+')} ${(requirement.prisonsServed ?? []).join('+')}`.trim(),
      ...requirement,
    }),
  );
}

/** Outbox rows of one kind written for a check (by its dedupe key). */
export async function outboxRowsFor(
  api: TestApi,
  kind: string,
  checkId: string,
): Promise<
  {
    kind: string;
    recipients: { userId: string; audience: string }[];
    data: Record<string, unknown>;
    dedupe_key: string;
  }[]
> {
  const { DataSource } = await import('typeorm');
  return api.app
    .get(DataSource)
    .query(
      `SELECT kind, recipients, data, dedupe_key FROM notification_outbox WHERE kind = $1 AND dedupe_key LIKE $2 ORDER BY created_at`,
      [kind, `${kind}:${checkId}%`],
    );
}

/**
 * Meets the organisation's baseline (IDENTITY, two REFERENCEs, DBS BASIC), so the volunteer may
 * become APPROVED; for tests of later lifecycle steps.
 */
export async function meetBaseline(
  api: TestApi,
  token: string,
  volunteerId: string,
): Promise<void> {
  await completeChecks(api, token, volunteerId, [
    ...IDENTITY_AND_REFERENCES,
    { kind: 'DBS', dbsLevel: 'BASIC' },
  ]);
}
