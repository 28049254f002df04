import { DomainError } from '@app/core';
import { VolunteerProfileEntity, VolunteerRepository } from '@app/volunteers';
import { EntityManager } from 'typeorm';
import { VettingCheckRepository, VettingCheckRow } from './vetting-check.repository';

/**
 * Locks a check and its volunteer's profile, the profile first (the order status changes use), so
 * an eligibility decision and a new outcome never interleave. NOT_FOUND when either is missing.
 */
export async function lockCheck(
  checks: VettingCheckRepository,
  volunteers: VolunteerRepository,
  manager: EntityManager,
  checkId: string,
): Promise<{ check: VettingCheckRow; volunteer: VolunteerProfileEntity }> {
  const found = await checks.findById(checkId);
  const volunteer = found ? await volunteers.lockById(manager, found.volunteerId) : null;
  const check = volunteer ? await checks.lockById(manager, checkId) : null;
  if (!check || !volunteer) throw DomainError.notFound('Vetting check');
  return { check, volunteer };
}
