import { TokenService } from '@app/auth';
import { Role } from '@app/core';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { TestApi } from './app';

export const SCHEME_FIELDS = `id name description organisation { id name } pathways genders minAge maxAge maxRiskLevel
  deliveryModes languages location { latitude longitude } postcode coverageLocalAuthorities radiusKm national
  prisonsServed requiredDbsLevel requiredBarredLists capacity activeMentees active updatedAt`;

export const CREATE_SCHEME = `mutation($input: CreateSchemeInput!) { createScheme(input: $input) { ${SCHEME_FIELDS} } }`;
export const UPDATE_SCHEME = `mutation($id: ID!, $input: UpdateSchemeInput!) { updateScheme(id: $id, input: $input) { ${SCHEME_FIELDS} } }`;

export const SEARCH_SERVICES = `query($input: ServiceSearchInput!) {
  searchServices(input: $input) {
    scheme { id name organisation { id name } }
    distanceKm score reasons hasCapacity throughTheGate
  }
}`;

/** A valid CreateSchemeInput for Leeds (coverage by local authority, in person), with overrides. */
export function schemeInput(
  organisationId: string,
  overrides: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    organisationId,
    name: 'Leeds mentoring',
    description: 'One-to-one mentoring after release',
    pathways: ['ACCOMMODATION', 'EDUCATION_TRAINING_EMPLOYMENT'],
    maxRiskLevel: 'MEDIUM',
    deliveryModes: ['IN_PERSON'],
    coverageLocalAuthorities: ['E08000035'],
    requiredDbsLevel: 'STANDARD',
    capacity: 10,
    ...overrides,
  };
}

export interface SchemeView {
  id: string;
  name: string;
  active: boolean;
  [field: string]: unknown;
}

/** Creates a scheme through the API, failing the test on any error. */
export async function createScheme(
  api: TestApi,
  token: string,
  input: Record<string, unknown>,
): Promise<SchemeView> {
  return (await api.ok<{ createScheme: SchemeView }>(CREATE_SCHEME, { input }, token)).createScheme;
}

/**
 * A signed token for a role no staff factory makes (a mentor), for a bare account row: a token is
 * only accepted for a user that exists (and is not disabled).
 */
export async function tokenFor(
  api: TestApi,
  role: Role,
  extra: { organisationId?: string; prisonCode?: string } = {},
): Promise<string> {
  const user = {
    id: randomUUID(),
    role,
    organisationId: extra.organisationId ?? null,
    prisonCode: extra.prisonCode ?? null,
  };
  await api.app.get(DataSource).query(
    `INSERT INTO users (id, email, password_hash, role, organisation_id, prison_code)
     VALUES ($1, $2, 'none: signs in with this token only', $3, $4, $5)`,
    [user.id, `${user.id}@token.test`, user.role, user.organisationId, user.prisonCode],
  );
  return api.app.get(TokenService).sign(user);
}
