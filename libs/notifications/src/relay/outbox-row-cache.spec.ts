import { outboxJobId, roundOfJobId } from '../notification-outbox.repository';
import { OutboxRowCache } from './outbox-row-cache';

class SmallCache extends OutboxRowCache {
  protected override readonly maxRows = 2;
}

const row = (id: string) => ({
  id,
  content: JSON.stringify([
    'mentor.registered',
    { n: id },
    [{ userId: `u-${id}`, audience: 'direct' }],
  ]),
});

describe('OutboxRowCache', () => {
  it('hands a relayed row to its job once, parsed', () => {
    const cache = new OutboxRowCache();
    cache.add([row('a')]);
    expect(cache.take('a')).toEqual({
      id: 'a',
      kind: 'mentor.registered',
      data: { n: 'a' },
      recipients: [{ userId: 'u-a', audience: 'direct' }],
    });
    // A second attempt of the job reads the database.
    expect(cache.take('a')).toBeUndefined();
    expect(cache.take('never-relayed-here')).toBeUndefined();
  });

  it('keeps nothing when switched off (an email or SMS provider is configured)', () => {
    const cache = new OutboxRowCache(false);
    cache.add([row('a')]);
    expect(cache.take('a')).toBeUndefined();
  });

  it('keeps a bounded number of rows, dropping the oldest', () => {
    const cache = new SmallCache();
    cache.add([row('a'), row('b')]);
    cache.add([row('c')]);
    expect(cache.take('a')).toBeUndefined();
    expect(cache.take('b')?.id).toBe('b');
    expect(cache.take('c')?.id).toBe('c');
  });
});

describe('job ids of outbox rounds', () => {
  it.each([0, 1, 12])('reads round %i back from its job id', (round) => {
    const id = '0b6f1c1e-8a44-4c1e-9d0b-3f5f6a7b8c9d';
    expect(roundOfJobId(outboxJobId(id, round))).toBe(round);
  });
});
