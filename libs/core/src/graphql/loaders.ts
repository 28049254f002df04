import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';

type LoaderFactory = () => DataLoader<unknown, unknown>;

/**
 * Libraries register their DataLoader factories once at start-up; each GraphQL request gets a
 * fresh `RequestLoaders` that builds a loader the first time a field asks for it, so batching and
 * caching never leak between requests (or users).
 */
@Injectable()
export class LoaderRegistry {
  private readonly factories = new Map<string, LoaderFactory>();

  register<K, V>(name: string, factory: () => DataLoader<K, V>): void {
    if (this.factories.has(name)) throw new Error(`DataLoader ${name} registered twice`);
    this.factories.set(name, factory as LoaderFactory);
  }

  forRequest(): RequestLoaders {
    return new RequestLoaders(this.factories);
  }
}

export class RequestLoaders {
  private readonly loaders = new Map<string, DataLoader<unknown, unknown>>();

  constructor(private readonly factories: Map<string, LoaderFactory>) {}

  get<K, V>(name: string): DataLoader<K, V> {
    let loader = this.loaders.get(name);
    if (!loader) {
      const factory = this.factories.get(name);
      if (!factory) throw new Error(`No DataLoader registered as ${name}`);
      loader = factory();
      this.loaders.set(name, loader);
    }
    return loader as DataLoader<K, V>;
  }
}

/** Orders batch results like the keys, with null for a key that has no row. */
export function byKeys<K, V>(keys: readonly K[], rows: V[], keyOf: (row: V) => K): (V | null)[] {
  const found = new Map(rows.map((row) => [keyOf(row), row]));
  return keys.map((key) => found.get(key) ?? null);
}
