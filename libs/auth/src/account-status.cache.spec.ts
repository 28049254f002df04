import { ConfigService } from '@nestjs/config';
import { AccountStatusCache } from './account-status.cache';
import { AccountStatus, UserRepository } from './user.repository';

const ID = '7d0c3a52-0f6b-4d1e-9c39-2f1f7c1f2a10';

function cacheWith(findStatus: (id: string) => Promise<AccountStatus | null>, ttlMs = 10_000) {
  const users = { findStatus } as unknown as UserRepository;
  return new AccountStatusCache(users, new ConfigService({ AUTH_STATUS_CACHE_MS: ttlMs }));
}

describe('AccountStatusCache', () => {
  afterEach(() => jest.useRealTimers());

  it('answers requests that miss at once for one user with one query', async () => {
    let release!: (status: AccountStatus) => void;
    const findStatus = jest.fn(
      () => new Promise<AccountStatus | null>((resolve) => (release = resolve)),
    );
    const cache = cacheWith(findStatus);
    const waiting = Promise.all([cache.get(ID), cache.get(ID), cache.get(ID)]);
    release({ tokenVersion: 2, disabled: false });
    expect(await waiting).toEqual(Array(3).fill({ tokenVersion: 2, disabled: false }));
    expect(await cache.get(ID)).toEqual({ tokenVersion: 2, disabled: false });
    expect(findStatus).toHaveBeenCalledTimes(1);
  });

  it('asks again once the entry is older than AUTH_STATUS_CACHE_MS', async () => {
    jest.useFakeTimers({ now: 0 });
    const findStatus = jest.fn(async () => ({ tokenVersion: 0, disabled: false }));
    const cache = cacheWith(findStatus, 1000);
    await cache.get(ID);
    jest.setSystemTime(999);
    await cache.get(ID);
    expect(findStatus).toHaveBeenCalledTimes(1);
    jest.setSystemTime(1000);
    await cache.get(ID);
    expect(findStatus).toHaveBeenCalledTimes(2);
  });

  it('asks again at once after forget, and after a failed query', async () => {
    const findStatus = jest
      .fn<Promise<AccountStatus | null>, [string]>()
      .mockRejectedValueOnce(new Error('connection lost'))
      .mockResolvedValue({ tokenVersion: 0, disabled: false });
    const cache = cacheWith(findStatus);
    await expect(cache.get(ID)).rejects.toThrow('connection lost');
    await cache.get(ID);
    cache.forget(ID);
    await cache.get(ID);
    expect(findStatus).toHaveBeenCalledTimes(3);
  });
});
