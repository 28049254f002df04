import { FieldProblem, Pathway } from '@app/core';

/** Ratings run from 1 (severe need) to 5 (no need). */
export const RATING_MIN = 1;
export const RATING_MAX = 5;

/** The longest reason for ending a match (the matches.end_reason column). */
export const END_REASON_MAX_LENGTH = 500;

/**
 * What is wrong with a stage's ratings: none at all, a rating outside 1–5, a pathway rated twice,
 * or pathways that are not among the referral's needs (named, so the caller can fix them).
 * Outcomes measure distance travelled on the needs the person was referred with.
 */
export function ratingProblems(
  ratings: readonly { pathway: Pathway; rating: number }[],
  needs: readonly Pathway[],
): FieldProblem[] {
  if (ratings.length === 0) {
    return [{ field: 'ratings', message: 'rate at least one of the referral’s needs' }];
  }
  const problems: FieldProblem[] = [];
  const seen = new Set<Pathway>();
  ratings.forEach(({ pathway, rating }, index) => {
    if (!Number.isInteger(rating) || rating < RATING_MIN || rating > RATING_MAX) {
      problems.push({
        field: `ratings[${index}].rating`,
        message: `must be a whole number from ${RATING_MIN} to ${RATING_MAX}`,
      });
    }
    if (seen.has(pathway)) {
      problems.push({ field: `ratings[${index}].pathway`, message: `${pathway} is rated twice` });
    }
    seen.add(pathway);
  });
  const notNeeds = [...seen].filter((pathway) => !needs.includes(pathway));
  if (notNeeds.length > 0) {
    problems.push({
      field: 'ratings',
      message: `not among the referral's needs: ${notNeeds.join(', ')}`,
    });
  }
  return problems;
}

/**
 * A session happens on a day between the match's acceptance and today (both included): not in
 * the future, and not before the mentor took the match on. Through-the-gate sessions before the
 * release date are fine.
 */
export function sessionDateProblem(date: string, today: string, acceptedOn: string): string | null {
  if (date > today) return `cannot be in the future (today is ${today})`;
  if (date < acceptedOn) return `cannot be before the match was accepted on ${acceptedOn}`;
  return null;
}
