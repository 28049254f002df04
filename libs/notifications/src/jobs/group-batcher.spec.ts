import { GroupBatcher } from './group-batcher';

describe('GroupBatcher', () => {
  it('runs the first call alone and groups the calls that arrive while it is in flight', async () => {
    const batches: number[][] = [];
    let release: () => void = () => undefined;
    const batcher = new GroupBatcher<number, number>(async (keys) => {
      batches.push(keys);
      if (batches.length === 1) await new Promise<void>((resolve) => (release = resolve));
      return keys.map((key) => key * 10);
    });
    const first = batcher.load(1);
    await new Promise((resolve) => setImmediate(resolve));
    const rest = [2, 3, 4].map((key) => batcher.load(key));
    release();
    expect(await Promise.all([first, ...rest])).toEqual([10, 20, 30, 40]);
    expect(batches).toEqual([[1], [2, 3, 4]]);
  });

  it('fails only the keys whose result is an Error, and every key when the batch throws', async () => {
    const perKey = new GroupBatcher<number, number>(async (keys) =>
      keys.map((key) => (key === 2 ? new Error('two') : key)),
    );
    const results = await Promise.allSettled([perKey.load(1), perKey.load(2), perKey.load(3)]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    const whole = new GroupBatcher<number, number>(async () => {
      throw new Error('down');
    });
    await expect(Promise.all([whole.load(1), whole.load(2)])).rejects.toThrow('down');
  });

  it('splits batches at maxBatch', async () => {
    const sizes: number[] = [];
    const batcher = new GroupBatcher<number, number>(
      async (keys) => (sizes.push(keys.length), keys),
      1,
      2,
    );
    await Promise.all([1, 2, 3, 4, 5].map((key) => batcher.load(key)));
    expect(sizes).toEqual([2, 2, 1]);
  });
});
