import { Clock, addDays } from '@app/core';
import { randomInt } from 'node:crypto';
import { DataSource } from 'typeorm';
import { TestApi, unique } from './app';
import { createOrganisation, createStaff } from './factories';
import { createScheme, schemeInput } from './schemes';

// Helpers for the referrals and matching e2e tests.

export const REFERRAL_FIELDS = `id status statusReason personReference prisonCode releaseDate releaseOutcode needs
  riskLevel gender age languages respondedAt createdAt scheme { id name }`;

export const CREATE_REFERRAL = `mutation($input: CreateReferralInput!) { createReferral(input: $input) { ${REFERRAL_FIELDS} } }`;
export const RESPOND_TO_REFERRAL = `mutation($id: ID!, $accept: Boolean!, $reason: String) {
  respondToReferral(id: $id, accept: $accept, reason: $reason) { ${REFERRAL_FIELDS} }
}`;
export const WITHDRAW_REFERRAL = `mutation($id: ID!, $reason: String) { withdrawReferral(id: $id, reason: $reason) { ${REFERRAL_FIELDS} } }`;
export const UPDATE_RELEASE_DATE = `mutation($referralId: ID!, $releaseDate: Date!) {
  updateReleaseDate(referralId: $referralId, releaseDate: $releaseDate) { ${REFERRAL_FIELDS} }
}`;
export const REFERRAL = `query($id: ID!) { referral(id: $id) { ${REFERRAL_FIELDS} } }`;
export const REFERRALS = `query($status: ReferralStatus, $first: Int) { referrals(status: $status, first: $first) { ${REFERRAL_FIELDS} } }`;

export interface ReferralView {
  id: string;
  status: string;
  statusReason: string | null;
  personReference: string;
  releaseDate: string;
  scheme: { id: string; name: string };
  [field: string]: unknown;
}

/** The app's clock date (tests may have moved it). */
export function today(api: TestApi): string {
  return api.app.get(Clock).today();
}

/** A random prison number (A1234BC); 175 million of them, so a collision is not a worry. */
export function prisonNumber(): string {
  const letter = () => String.fromCharCode(65 + randomInt(26));
  return `${letter()}${String(randomInt(10000)).padStart(4, '0')}${letter()}${letter()}`;
}

/** A valid CreateReferralInput for a man released to LS6 from HMP Leeds in 30 days, with overrides. */
export function referralInput(
  api: TestApi,
  schemeId: string,
  overrides: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    schemeId,
    personReference: prisonNumber(),
    prisonCode: 'LEI',
    releaseDate: addDays(today(api), 30),
    releasePostcode: 'LS6 1AA',
    needs: ['ACCOMMODATION'],
    riskLevel: 'LOW',
    gender: 'MALE',
    age: 30,
    consentGiven: true,
    ...overrides,
  };
}

export async function createReferral(
  api: TestApi,
  token: string,
  input: Record<string, unknown>,
): Promise<ReferralView> {
  return (await api.ok<{ createReferral: ReferralView }>(CREATE_REFERRAL, { input }, token))
    .createReferral;
}

/** An organisation with a coordinator and a Leeds scheme, and staff of HMP Leeds and HMP Manchester. */
export async function referralWorld(api: TestApi, scheme: Record<string, unknown> = {}) {
  const admin = await api.adminToken();
  const org = await createOrganisation(api, admin);
  const coordinator = await createStaff(api, admin, {
    role: 'COORDINATOR',
    organisationId: org.id,
  });
  const prison = await createStaff(api, admin, { role: 'PRISON_STAFF', prisonCode: 'LEI' });
  const otherPrison = await createStaff(api, admin, { role: 'PRISON_STAFF', prisonCode: 'MRI' });
  const created = await createScheme(
    api,
    coordinator.token,
    schemeInput(org.id, { name: unique('Leeds mentoring'), ...scheme }),
  );
  return { admin, org, coordinator, prison, otherPrison, scheme: created };
}

export interface OutboxRow {
  kind: string;
  recipients: { userId: string; audience: string }[];
  data: Record<string, unknown>;
  dedupe_key: string;
}

/** Outbox rows whose dedupe key is `<kind>:<id>…`. */
export function outboxRows(api: TestApi, kind: string, id: string): Promise<OutboxRow[]> {
  return api.app
    .get(DataSource)
    .query(
      `SELECT kind, recipients, data, dedupe_key FROM notification_outbox WHERE kind = $1 AND dedupe_key LIKE $2 ORDER BY created_at`,
      [kind, `${kind}:${id}%`],
    );
}

export const SUGGEST_MENTORS = `query($referralId: ID!, $first: Int) {
  suggestMentors(referralId: $referralId, first: $first) {
    volunteer { id displayName } score distanceKm reasons components { name value weight points }
  }
}`;
export const EXCLUDED_MENTORS = `query($referralId: ID!, $first: Int) {
  excludedMentors(referralId: $referralId, first: $first) { volunteer { id } reasons distanceKm }
}`;
export const MATCH_FIELDS = 'id status proposedAt respondedAt endedAt';
export const PROPOSE_MATCH = `mutation($referralId: ID!, $volunteerId: ID!) {
  proposeMatch(referralId: $referralId, volunteerId: $volunteerId) { ${MATCH_FIELDS} }
}`;
export const RESPOND_TO_MATCH = `mutation($id: ID!, $accept: Boolean!) { respondToMatch(id: $id, accept: $accept) { ${MATCH_FIELDS} } }`;

/**
 * A mentor of the organisation cleared for a STANDARD scheme (IDENTITY, two REFERENCEs, DBS
 * STANDARD issued 2026-06-01) and APPROVED by the coordinator.
 */
export async function clearedMentor(
  api: TestApi,
  coordinatorToken: string,
  organisationId: string,
  overrides: Record<string, unknown> = {},
) {
  const { registerMentor, walkVolunteerStatus } = await import('./factories');
  const { IDENTITY_AND_REFERENCES, completeChecks } = await import('./vetting');
  const mentor = await registerMentor(api, { organisationId, ...overrides });
  await completeChecks(api, coordinatorToken, mentor.id, [
    ...IDENTITY_AND_REFERENCES,
    { kind: 'DBS', dbsLevel: 'STANDARD' },
  ]);
  await walkVolunteerStatus(api, coordinatorToken, mentor.id, ['APPROVED']);
  return mentor;
}

/** A cleared mentor of the world's organisation who knows accommodation and takes up to 3 mentees. */
export function accommodationMentor(
  api: TestApi,
  world: Pick<MatchingWorld, 'coordinator'> & { org: { id: string } },
  displayName: string,
) {
  return clearedMentor(api, world.coordinator.token, world.org.id, {
    displayName,
    pathways: ['ACCOMMODATION'],
    maxMentees: 3,
  });
}

type MatchingWorld = Pick<
  Awaited<ReturnType<typeof referralWorld>>,
  'prison' | 'coordinator' | 'scheme'
>;

/** A referral from the world's prison to `schemeId` (its scheme unless given), accepted by its coordinator. */
export async function acceptedReferral(
  api: TestApi,
  world: MatchingWorld,
  overrides: Record<string, unknown> = {},
  schemeId: string = world.scheme.id,
): Promise<ReferralView> {
  const referral = await createReferral(
    api,
    world.prison.token,
    referralInput(api, schemeId, overrides),
  );
  await api.ok(RESPOND_TO_REFERRAL, { id: referral.id, accept: true }, world.coordinator.token);
  return referral;
}

/** An accepted referral with `mentor` proposed for it (the match is PROPOSED). */
export async function proposedMatch(
  api: TestApi,
  world: MatchingWorld,
  mentor: { id: string },
  referralOverrides: Record<string, unknown> = {},
): Promise<{ referral: ReferralView; match: { id: string } }> {
  const referral = await acceptedReferral(api, world, referralOverrides);
  const match = (
    await api.ok<{ proposeMatch: { id: string } }>(
      PROPOSE_MATCH,
      { referralId: referral.id, volunteerId: mentor.id },
      world.coordinator.token,
    )
  ).proposeMatch;
  return { referral, match };
}

/** As proposedMatch, and the mentor accepts: the match is ACCEPTED, the referral MATCHED. */
export async function acceptedMatch(
  api: TestApi,
  world: MatchingWorld,
  mentor: { id: string; token: string },
  referralOverrides: Record<string, unknown> = {},
): Promise<{ referral: ReferralView; match: { id: string } }> {
  const proposed = await proposedMatch(api, world, mentor, referralOverrides);
  await api.ok(RESPOND_TO_MATCH, { id: proposed.match.id, accept: true }, mentor.token);
  return proposed;
}

/**
 * ReleaseDay.sweep for the given referrals only, for files on the shared database. The real sweep
 * acts on every MATCHED referral in the database (by this app's clock, which a test may have
 * moved), so it would remind of, or activate, other test files' referrals, and their sweeps ours.
 * The reminders are the sweep's own (its query, its policy, its re-check under lock), filtered to
 * `referralIds`; activation is left out (release-day, full-loop and jobs-calendar test it on a
 * database of their own).
 */
export async function sweepReleaseDaysOf(
  api: TestApi,
  referralIds: string[],
): Promise<{ activated: number; reminded: number }> {
  const { AuditService } = await import('@app/core');
  const { NotifyService } = await import('@app/notifications');
  const { ReleaseDay } = await import('@app/matching');
  const { ReleaseDayRepository } = await import(
    '@app/matching/release-day/release-day.repository'
  );
  const real = api.app.get(ReleaseDayRepository);
  const scoped = Object.create(real) as InstanceType<typeof ReleaseDayRepository>;
  scoped.activateDue = async () => [];
  scoped.remindersDue = async (today: string, withinDays: number) =>
    (await real.remindersDue(today, withinDays)).filter((due) =>
      referralIds.includes(due.referralId),
    );
  return new ReleaseDay(
    api.app.get(DataSource),
    scoped,
    api.app.get(AuditService),
    api.app.get(NotifyService),
    api.app.get(Clock),
  ).sweep();
}
