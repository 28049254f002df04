import { Pathway } from '@app/core';
import { ratingProblems, sessionDateProblem } from './relationship-rules';

const { ACCOMMODATION, HEALTH, SEX_WORK } = Pathway;
const needs = [ACCOMMODATION, HEALTH];

describe('ratingProblems', () => {
  it.each([
    ['one need rated', [{ pathway: ACCOMMODATION, rating: 3 }], []],
    [
      'both needs rated at the ends of the scale',
      [
        { pathway: ACCOMMODATION, rating: 1 },
        { pathway: HEALTH, rating: 5 },
      ],
      [],
    ],
    ['nothing rated', [], ['ratings']],
    ['a rating of 0', [{ pathway: ACCOMMODATION, rating: 0 }], ['ratings[0].rating']],
    ['a rating of 6', [{ pathway: HEALTH, rating: 6 }], ['ratings[0].rating']],
    ['a fractional rating', [{ pathway: HEALTH, rating: 2.5 }], ['ratings[0].rating']],
    [
      'a pathway rated twice',
      [
        { pathway: HEALTH, rating: 2 },
        { pathway: HEALTH, rating: 3 },
      ],
      ['ratings[1].pathway'],
    ],
    ['a pathway that is not a need', [{ pathway: SEX_WORK, rating: 2 }], ['ratings']],
  ])('%s', (_case, ratings, fields) => {
    expect(ratingProblems(ratings, needs).map((problem) => problem.field)).toEqual(fields);
  });

  it('names every pathway that is not a need', () => {
    const [problem] = ratingProblems(
      [
        { pathway: SEX_WORK, rating: 2 },
        { pathway: Pathway.DRUGS_ALCOHOL, rating: 2 },
        { pathway: HEALTH, rating: 2 },
      ],
      needs,
    );
    expect(problem.message).toBe("not among the referral's needs: SEX_WORK, DRUGS_ALCOHOL");
  });
});

describe('sessionDateProblem', () => {
  it.each([
    ['today', '2027-03-10', null],
    ['the day the match was accepted', '2027-03-01', null],
    ['tomorrow', '2027-03-11', 'cannot be in the future (today is 2027-03-10)'],
    ['before the match', '2027-02-28', 'cannot be before the match was accepted on 2027-03-01'],
  ])('%s', (_case, date, problem) => {
    expect(sessionDateProblem(date, '2027-03-10', '2027-03-01')).toBe(problem);
  });
});
