import { AuthUser, RequestLoaders } from '@app/core';
import { DEPARTED_STATUSES, VolunteerProfileObject } from '@app/volunteers';

/**
 * Whether the actor is the match's mentor and still volunteering: a mentor who was withdrawn or
 * rejected no longer works on, or sees, the relationships they had.
 */
export async function isCurrentMentorOf(
  match: { volunteerId: string },
  actor: AuthUser,
  loaders: RequestLoaders,
): Promise<boolean> {
  const mentor = await loaders
    .get<string, VolunteerProfileObject | null>('matchVolunteerById')
    .load(match.volunteerId);
  return mentor?.userId === actor.id && !DEPARTED_STATUSES.has(mentor.status);
}
