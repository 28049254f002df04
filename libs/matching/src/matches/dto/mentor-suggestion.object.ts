import { VolunteerProfileObject } from '@app/volunteers';
import { Field, Float, ObjectType } from '@nestjs/graphql';
import { AssessedMentor } from '../mentor-assessment.service';

@ObjectType('ScoreComponent', {
  description: 'One part of a suggestion score: points = value × weight.',
})
export class ScoreComponentObject {
  @Field({ description: 'needsExpertise, distance, load, sharedLanguage or livedExperience.' })
  name: string;

  @Field(() => Float, { description: 'From 0 to 1.' })
  value: number;

  @Field(() => Float)
  weight: number;

  @Field(() => Float)
  points: number;
}

@ObjectType('MentorSuggestion')
export class MentorSuggestionObject {
  @Field(() => VolunteerProfileObject)
  volunteer: VolunteerProfileObject;

  @Field(() => Float)
  score: number;

  @Field(() => Float, { nullable: true })
  distanceKm: number | null;

  @Field(() => [String])
  reasons: string[];

  @Field(() => [ScoreComponentObject])
  components: ScoreComponentObject[];

  static from(mentor: AssessedMentor): MentorSuggestionObject {
    return Object.assign(new MentorSuggestionObject(), {
      volunteer: VolunteerProfileObject.from(mentor.volunteer),
      score: mentor.fit.score,
      distanceKm: Math.round(mentor.distanceKm * 10) / 10,
      reasons: mentor.fit.reasons,
      components: mentor.fit.components,
    });
  }
}

@ObjectType('ExcludedMentor')
export class ExcludedMentorObject {
  @Field(() => VolunteerProfileObject)
  volunteer: VolunteerProfileObject;

  @Field(() => [String], {
    description:
      "Why the volunteer cannot be matched, e.g. 'DBS ENHANCED missing', 'lives 48 km away (travels 20 km)'.",
  })
  reasons: string[];

  @Field(() => Float, { nullable: true })
  distanceKm: number | null;

  static from(mentor: AssessedMentor): ExcludedMentorObject {
    return Object.assign(new ExcludedMentorObject(), {
      volunteer: VolunteerProfileObject.from(mentor.volunteer),
      reasons: mentor.fit.exclusions,
      distanceKm: Math.round(mentor.distanceKm * 10) / 10,
    });
  }
}
