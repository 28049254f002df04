import { LoaderRegistry } from '@app/core';
import DataLoader from 'dataloader';
import { ClearanceService, SchemeRequirement } from './clearance.service';
import { VettingCheckRepository, VettingCheckRow } from './vetting-check.repository';

export const VETTING_LOADERS = {
  checksByVolunteer: 'vettingChecksByVolunteer',
  requirementByScheme: 'clearanceRequirementByScheme',
  notes: 'vettingCheckNotes',
} as const;

/** One notes read: which check, and who reads it (for the audit event). */
export interface NotesRead {
  checkId: string;
  reader: string;
}

/** Registers vetting's per-request DataLoaders. */
export function registerVettingLoaders(
  loaders: LoaderRegistry,
  checks: VettingCheckRepository,
  clearance: ClearanceService,
): void {
  loaders.register(
    VETTING_LOADERS.checksByVolunteer,
    () =>
      new DataLoader<string, VettingCheckRow[]>(async (volunteerIds) => {
        const rows = await checks.findByVolunteerIds(volunteerIds);
        const grouped = new Map<string, VettingCheckRow[]>(volunteerIds.map((id) => [id, []]));
        for (const row of rows) grouped.get(row.volunteerId)?.push(row);
        return volunteerIds.map((id) => grouped.get(id) ?? []);
      }),
  );
  loaders.register(
    VETTING_LOADERS.requirementByScheme,
    () =>
      new DataLoader<string, SchemeRequirement | null>((schemeIds) =>
        clearance.requirements(schemeIds),
      ),
  );
  // Within one request the reader is always the same person.
  loaders.register(
    VETTING_LOADERS.notes,
    () =>
      new DataLoader<NotesRead, string | null, string>(
        async (reads) => {
          const notes = await checks.notesOf(
            reads.map((read) => read.checkId),
            reads[0].reader,
          );
          return reads.map((read) => notes.get(read.checkId) ?? null);
        },
        { cacheKeyFn: (read) => `${read.reader}:${read.checkId}` },
      ),
  );
}
