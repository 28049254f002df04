import { ApolloServer } from '@apollo/server';
import { buildSchema } from 'graphql';
import { queryLimitsPlugin } from './query-limits.plugin';

// A recursive schema makes any depth reachable, so the limits can be tested exactly.
const schema = buildSchema(`
  type Node { id: ID!, children(first: Int, label: String): [Node!]! }
  type Query { root: Node! }
`);
const node = { id: '1', children: () => [node] };

async function run(query: string) {
  const server = new ApolloServer({
    schema,
    rootValue: { root: node },
    plugins: [queryLimitsPlugin(4, 50)],
  });
  await server.start();
  const response = await server.executeOperation({ query });
  await server.stop();
  return response.body.kind === 'single' ? response.body.singleResult : undefined;
}

describe('queryLimitsPlugin', () => {
  it.each([
    ['at the depth limit', '{ root { children { children { children { id } } } } }', undefined],
    [
      'one level too deep',
      '{ root { children { children { children { children { id } } } } } }',
      /nested too deeply \(limit 4\)/,
    ],
    ['cheap list', '{ root { children(first: 5) { id } } }', undefined],
    [
      'large page multiplies cost',
      '{ root { children(first: 30) { id children { id } } } }',
      /too complex: \d+ points \(limit 50\)/,
    ],
  ])('%s', async (_name, query, error) => {
    const result = await run(query);
    if (error) {
      expect(result?.errors?.[0].message).toMatch(error);
      expect(result?.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    } else {
      expect(result?.errors).toBeUndefined();
    }
  });

  it('costs a repeated document again when a variable given to `first` or @include changes', async () => {
    const server = new ApolloServer({
      schema,
      rootValue: { root: node },
      plugins: [queryLimitsPlugin(4, 50)],
    });
    await server.start();
    const query =
      'query($n: Int, $deep: Boolean!, $other: String) { root { children(first: $n, label: $other) { id children @include(if: $deep) { id } } } }';
    const errorsOf = async (variables: Record<string, unknown>) => {
      const response = await server.executeOperation({ query, variables });
      return response.body.kind === 'single' ? response.body.singleResult.errors : undefined;
    };
    expect(await errorsOf({ n: 20, deep: false })).toBeUndefined();
    expect((await errorsOf({ n: 20, deep: true }))?.[0].message).toMatch(/too complex/);
    expect(await errorsOf({ n: 5, deep: true })).toBeUndefined();
    expect((await errorsOf({ n: 20, deep: true, other: 'x' }))?.[0].message).toMatch(/too complex/);
    expect(await errorsOf({ n: 20, deep: false, other: 'y' })).toBeUndefined();
    await server.stop();
  });
});
