import { registerEnumType } from '@nestjs/graphql';
import { VettingCheckKind, VettingCheckStatus } from '../clearance';

/** The DBS Update Service's answer to a status check (contract enum). */
export enum UpdateServiceResult {
  NO_NEW_INFORMATION = 'NO_NEW_INFORMATION',
  NEW_INFORMATION = 'NEW_INFORMATION',
  NOT_SUBSCRIBED = 'NOT_SUBSCRIBED',
}

registerEnumType(VettingCheckKind, { name: 'VettingCheckKind' });
registerEnumType(VettingCheckStatus, {
  name: 'VettingCheckStatus',
  valuesMap: {
    REQUESTED: { description: 'Requested, no outcome yet.' },
    CLEAR: { description: 'Completed with nothing that prevents the role.' },
    DISCLOSURE: {
      description:
        'Completed with information disclosed: needs an approved conviction risk assessment before it counts.',
    },
    BARRED: { description: 'The person is on a barred list that the role requires to be checked.' },
    REJECTED: { description: 'Completed and the organisation decided not to accept the person.' },
    EXPIRED: {
      description:
        'Past its re-check date: it no longer counts (on the re-check date itself it still does).',
    },
  },
});
registerEnumType(UpdateServiceResult, {
  name: 'UpdateServiceResult',
  description: 'The answer of a DBS Update Service status check.',
});
