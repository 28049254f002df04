import { registerEnumType } from '@nestjs/graphql';

/** When a need pathway is rated: at the start of the relationship and at its end. */
export enum OutcomeStage {
  START = 'START',
  END = 'END',
}

registerEnumType(OutcomeStage, { name: 'OutcomeStage' });
