import DataLoader from 'dataloader';
import { In, type DataSource, type EntityTarget, type ObjectLiteral } from 'typeorm';

// The building blocks of the request's DataLoaders. Each feature makes its own loaders from them
// (`<feature>.loaders.ts`, exported by its entry); graphql-context.ts assembles them per request.

type Order<T> = { [K in keyof T]?: 'ASC' | 'DESC' };

/** One row per key, in key order; missing rows come back as null. */
export function byId<T extends ObjectLiteral & { id: number }>(
  dataSource: DataSource,
  entity: EntityTarget<T>,
): DataLoader<number, T | null> {
  return new DataLoader(async (ids) => {
    const rows = await dataSource.getRepository(entity).findBy({ id: In([...ids]) } as never);
    const map = new Map(rows.map((row) => [row.id, row]));
    return ids.map((id) => map.get(id) ?? null);
  });
}

/** All rows whose `column` equals each key, grouped per key. */
export function byColumn<T extends ObjectLiteral, K extends keyof T & string>(
  dataSource: DataSource,
  entity: EntityTarget<T>,
  column: K,
  order: Order<T>,
): DataLoader<number, T[]> {
  return new DataLoader(async (keys) => {
    const rows = await dataSource
      .getRepository(entity)
      .find({ where: { [column]: In([...keys]) } as never, order: order as never });
    const groups = new Map<number, T[]>(keys.map((key) => [key, []]));
    rows.forEach((row) => groups.get(row[column] as number)?.push(row));
    return keys.map((key) => groups.get(key) ?? []);
  });
}

/** One loader per value of an argument, made when first asked for. */
export function perArgument<A, L>(make: (argument: A) => L): (argument: A) => L {
  const loaders = new Map<A, L>();
  return (argument) => {
    let loader = loaders.get(argument);
    if (loader === undefined) {
      loader = make(argument);
      loaders.set(argument, loader);
    }
    return loader;
  };
}

export type { GraphQLContext, Loaders } from '../graphql-context.js';

/** Loads a row that a foreign key guarantees; its absence is a broken database, not bad input. */
export async function required<T>(row: Promise<T | null>, what: string): Promise<T> {
  const value = await row;
  if (value === null) {
    throw new Error(`Referenced ${what} is missing`);
  }
  return value;
}
