import { JobHandler, JobName, JobProcessor, TypedJob, isLastAttempt } from '@app/core/queue';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { CHANNEL_SENDERS, Channel, ChannelSender, OutgoingMessage } from '../channels/channel';
import { DeliveryStatus } from '../notification-delivery.entity';
import {
  DeliveryContext,
  DeliveryOutcome,
  NotificationDeliveryRepository,
  OutboxContent,
  RecipientAddress,
  deliveryKey,
} from '../notification-delivery.repository';
import { roundOfJobId } from '../notification-outbox.repository';
import { OutboxRowCache } from '../relay/outbox-row-cache';
import { channelsOf, renderNotification } from '../templates/notification-kinds';
import { Audience, KindChannels, TemplateContext } from '../templates/notification-template';
import { GroupBatcher } from './group-batcher';

/**
 * Batches that may be in flight at once, so jobs keep PostgreSQL busy. A job waits for its write,
 * so throughput is jobs in flight ÷ that wait: measured at concurrency 50, 8 write batches in flight
 * delivered about 1.5 times as much as 2 or 16, with batches still of 15–30 jobs.
 */
const READS_IN_FLIGHT = 4;
const WRITES_IN_FLIGHT = 8;

/** The lastError of an email-only notification that could not be sent because no provider is configured. */
export const NO_EMAIL_PROVIDER = 'no email provider is configured (SMTP_URL or NOTIFY_API_KEY)';

/**
 * Delivers one outbox row: renders its template for each recipient and sends it on every channel
 * the recipient has enabled (in-app always; email and text messages per their preferences and the
 * providers configured), or on the channels its kind's template prescribes (`channels`: a password
 * reset link is emailed whatever the preference, and never written in-app).
 *
 * - In-app: the notification row, unique per (outbox row, person), is written with the other jobs'
 *   in one statement; a repeat is a no-op, so it is exactly once even if the worker dies.
 * - Email and SMS: channels already DELIVERED (or FAILED, awaiting an ADMIN) are skipped; one the
 *   provider accepts is recorded right after (a crash in between is the one way it can repeat).
 * - If a channel fails the job throws to be retried with backoff; on the last attempt the channel is
 *   marked FAILED and the row finished.
 * - A kind whose only channel is email (a password reset link) with no email provider configured
 *   would otherwise vanish: its email is marked FAILED at once (retrying cannot help until a
 *   provider is configured and the worker restarted) with NO_EMAIL_PROVIDER as its error, so ADMINs
 *   see it in `failedDeliveries`, and one warning is logged per job (kind and outbox id only).
 *   Kinds that also go in-app skip an unconfigured email silently, as the person still hears.
 *
 * With no email or SMS provider configured, a row the relay of this process has just queued is
 * taken from its OutboxRowCache: such a job costs no read, only its share of one batched write
 * (except an email-only kind, which needs its recipients to mark their email FAILED).
 */
@Injectable()
@JobHandler(JobName.DeliverNotification)
export class DeliverNotificationJob implements JobProcessor<JobName.DeliverNotification> {
  private readonly logger = new Logger(DeliverNotificationJob.name);
  private readonly senders = new Map<Channel, ChannelSender>();
  private readonly templateContext: TemplateContext;
  /** Jobs in flight share their reads and their writes: one statement each per batch of jobs. */
  private readonly contexts: GroupBatcher<string, DeliveryContext | null>;
  private readonly outcomes: GroupBatcher<DeliveryOutcome, true>;

  constructor(
    private readonly deliveries: NotificationDeliveryRepository,
    private readonly cache: OutboxRowCache,
    @Inject(CHANNEL_SENDERS) senders: ChannelSender[],
    config: ConfigService,
  ) {
    for (const sender of senders) this.senders.set(sender.channel, sender);
    this.templateContext = { appUrl: config.get<string>('APP_URL') ?? null };
    this.contexts = new GroupBatcher(async (ids) => {
      const rows = await this.deliveries.loadContexts(ids);
      const byId = new Map(rows.map((row) => [row.id, row]));
      return ids.map((id) => byId.get(id) ?? null);
    }, READS_IN_FLIGHT);
    this.outcomes = new GroupBatcher((outcomes) => this.record(outcomes), WRITES_IN_FLIGHT);
  }

  async process(job: TypedJob<JobName.DeliverNotification>): Promise<void> {
    const { outboxId } = job.data;
    // Email and SMS need each person's address and preferences, and what was sent already.
    let cached = this.senders.size === 0 ? this.cache.take(outboxId) : undefined;
    if (cached && this.unavailableOnlyChannel(channelsOf(cached.kind))) cached = undefined;
    const full = cached ? null : await this.contexts.load(outboxId);
    const context: OutboxContent | null = cached ?? full;
    // Purged, or never committed: nothing to deliver.
    if (!context) return;
    const addresses = full
      ? new Map(full.addresses.map((address) => [address.userId, address]))
      : null;
    const final = isLastAttempt(job);
    const outcome: DeliveryOutcome = {
      outboxId: context.id,
      round: roundOfJobId(job.id),
      inApp: [],
      delivered: [],
      failed: [],
      complete: true,
    };
    const channels = channelsOf(context.kind);
    const unavailable = this.unavailableOnlyChannel(channels);
    /** Recipients whose only channel has no provider: FAILED at once, not retried, not thrown. */
    const undeliverable: DeliveryOutcome['failed'] = [];
    const rendered = new Map<Audience, ReturnType<typeof renderNotification>>();
    const sends: Promise<void>[] = [];
    for (const recipient of context.recipients) {
      const address = addresses?.get(recipient.userId);
      // A person deleted since the change has nothing left to deliver to.
      if (addresses && !address) continue;
      let text = rendered.get(recipient.audience);
      if (!text) {
        text = renderNotification(
          context.kind,
          context.data,
          recipient.audience,
          this.templateContext,
        );
        rendered.set(recipient.audience, text);
      }
      // In-app unless the kind forbids it; the write skips a person already notified or whose account is gone.
      if (channels.inApp) {
        outcome.inApp.push({
          userId: recipient.userId,
          kind: context.kind,
          subject: text.subject,
          body: text.body,
        });
      }
      if (!full || !address) continue;
      if (unavailable) {
        const status = full.deliveries.get(deliveryKey(address.userId, unavailable));
        const wanted = channels.email === 'always' || address.emailEnabled;
        if (!wanted || status === DeliveryStatus.DELIVERED || status === DeliveryStatus.FAILED) {
          continue;
        }
        undeliverable.push({
          userId: address.userId,
          channel: unavailable,
          error: NO_EMAIL_PROVIDER,
          final: true,
        });
        continue;
      }
      for (const channel of this.channelsFor(address, channels)) {
        const status = full.deliveries.get(deliveryKey(address.userId, channel));
        if (status === DeliveryStatus.DELIVERED || status === DeliveryStatus.FAILED) continue;
        const message: OutgoingMessage = {
          ...text,
          reference: `${context.id}.${address.userId}.${channel.toLowerCase()}`,
        };
        sends.push(
          this.send(channel, address, message).then(
            () => void outcome.delivered.push({ userId: address.userId, channel }),
            (error: Error) => {
              outcome.failed.push({ userId: address.userId, channel, error: error.message, final });
              if (!final) outcome.complete = false;
            },
          ),
        );
      }
    }
    await Promise.all(sends);
    const sendFailures = [...outcome.failed];
    outcome.failed.push(...undeliverable);
    await this.outcomes.load(outcome);
    if (undeliverable.length > 0) {
      // Kind and outbox id only: no address, no person, nothing of the row's data (a reset link).
      this.logger.warn(
        `${context.kind} ${context.id} not sent to ${undeliverable.length} recipient(s): ${NO_EMAIL_PROVIDER}; marked FAILED (failedDeliveries)`,
      );
    }
    if (sendFailures.length > 0) {
      const summary = sendFailures
        .map((failure) => `${failure.channel}: ${failure.error}`)
        .join('; ');
      throw new Error(
        `${sendFailures.length} channel(s) failed${final ? ' for good' : ''}: ${summary}`,
      );
    }
  }

  /**
   * EMAIL when the kind can go by email only (never in-app, never by SMS) and no email provider is
   * configured; otherwise null (the kind reaches people some other way, or email works).
   */
  private unavailableOnlyChannel(kind: Required<KindChannels>): Channel | null {
    if (kind.inApp || kind.sms !== 'never') return null;
    return this.senders.has(Channel.EMAIL) ? null : Channel.EMAIL;
  }

  /** Email and SMS, as the person wants them (unless the kind decides) and the providers configured allow. */
  private channelsFor(address: RecipientAddress, kind: Required<KindChannels>): Channel[] {
    const channels: Channel[] = [];
    const email = kind.email === 'always' || address.emailEnabled;
    if (email && this.senders.has(Channel.EMAIL)) channels.push(Channel.EMAIL);
    const sms = kind.sms !== 'never' && address.smsEnabled && address.phoneNumber;
    if (sms && this.senders.has(Channel.SMS)) channels.push(Channel.SMS);
    return channels;
  }

  private send(
    channel: Channel,
    address: RecipientAddress,
    message: OutgoingMessage,
  ): Promise<void> {
    const sender = this.senders.get(channel);
    if (!sender) return Promise.reject(new Error(`no provider for ${channel}`));
    return sender.send({ email: address.email, phoneNumber: address.phoneNumber }, message);
  }

  /** One statement for the batch; if it fails, each outcome alone, so one bad row fails only its job. */
  private async record(outcomes: readonly DeliveryOutcome[]): Promise<(true | Error)[]> {
    try {
      await this.deliveries.record(outcomes);
      return outcomes.map(() => true as const);
    } catch (error) {
      if (outcomes.length === 1) return [error as Error];
      return Promise.all(
        outcomes.map((outcome) =>
          this.deliveries.record([outcome]).then(
            () => true as const,
            (single: Error) => single,
          ),
        ),
      );
    }
  }
}
