import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

/** Runs inside the transaction that changed an organisation's public details. */
export type OrganisationChangeListener = (
  manager: EntityManager,
  organisationId: string,
) => Promise<void>;

/**
 * Where an organisation's public details (name, charity number, specialisms) are announced as
 * changed. The public map shows them with each scheme, but schemes depends on organisations, so
 * schemes registers its listener here at start-up rather than being called from here.
 */
@Injectable()
export class OrganisationChanges {
  private readonly listeners: OrganisationChangeListener[] = [];

  register(listener: OrganisationChangeListener): void {
    this.listeners.push(listener);
  }

  async changed(manager: EntityManager, organisationId: string): Promise<void> {
    for (const listener of this.listeners) await listener(manager, organisationId);
  }
}
