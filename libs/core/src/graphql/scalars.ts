import { GraphQLScalarType } from 'graphql';
import { LocalDateResolver } from 'graphql-scalars';

/**
 * The contract's `Date`: an ISO-8601 calendar date ("2027-03-01") kept as a string end to end, so
 * no time zone can move a release date by a day. (`DateTime` is Nest's built-in ISO scalar.)
 */
export const CalendarDate = new GraphQLScalarType({
  ...LocalDateResolver.toConfig(),
  name: 'Date',
  description: 'An ISO-8601 calendar date, e.g. 2027-03-01.',
});
