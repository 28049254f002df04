import { registerEnumType } from '@nestjs/graphql';

/** PROPOSED → ACCEPTED | DECLINED (by the mentor); ACCEPTED → ENDED. */
export enum MatchStatus {
  PROPOSED = 'PROPOSED',
  ACCEPTED = 'ACCEPTED',
  DECLINED = 'DECLINED',
  ENDED = 'ENDED',
}

registerEnumType(MatchStatus, { name: 'MatchStatus' });
