import { Field, ID, ObjectType } from '@nestjs/graphql';
import { NotificationRow } from '../notification.repository';

@ObjectType('Notification')
export class NotificationObject {
  @Field(() => ID)
  id: string;

  @Field({ description: 'What happened, e.g. mentor.registered.' })
  kind: string;

  @Field()
  subject: string;

  @Field()
  body: string;

  @Field()
  createdAt: Date;

  @Field(() => Date, { nullable: true })
  readAt: Date | null;

  static from(row: NotificationRow): NotificationObject {
    return Object.assign(new NotificationObject(), {
      id: row.id,
      kind: row.kind,
      subject: row.subject,
      body: row.body,
      createdAt: row.createdAt,
      readAt: row.readAt,
    });
  }
}
