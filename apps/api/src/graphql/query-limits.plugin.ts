import { ApolloServerPlugin } from '@apollo/server';
import { DocumentNode, GraphQLError, GraphQLSchema } from 'graphql';
import depthLimit from 'graphql-depth-limit';
import { getComplexity, simpleEstimator } from 'graphql-query-complexity';
import { validate } from 'graphql';

/**
 * Refuses documents nested deeper than `maxDepth` or costing more than `maxComplexity` (one point a
 * field, multiplied by `first` on lists), before anything runs, with a BAD_USER_INPUT error.
 */
export function queryLimitsPlugin(maxDepth: number, maxComplexity: number): ApolloServerPlugin {
  // Apollo reuses the parsed document of a repeated query, so its depth is checked once.
  const depthChecked = new WeakMap<DocumentNode, boolean>();
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, schema }) {
          let tooDeep = depthChecked.get(document);
          if (tooDeep === undefined) {
            tooDeep = validate(schema as GraphQLSchema, document, [depthLimit(maxDepth)]).length > 0;
            depthChecked.set(document, tooDeep);
          }
          if (tooDeep) {
            throw new GraphQLError(`Query is nested too deeply (limit ${maxDepth})`, {
              extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } },
            });
          }
          let complexity: number;
          try {
            complexity = getComplexity({
              schema,
              query: document,
              operationName: request.operationName ?? undefined,
              variables: request.variables ?? {},
              estimators: [
                ({ args, childComplexity }) => {
                  const first = typeof args.first === 'number' ? args.first : 1;
                  return (childComplexity + 1) * Math.max(1, first);
                },
                simpleEstimator({ defaultComplexity: 1 }),
              ],
            });
          } catch (error) {
            // Costing coerces the variables first: a value of the wrong shape is the client's mistake.
            throw new GraphQLError((error as Error).message, {
              extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } },
            });
          }
          if (complexity > maxComplexity) {
            throw new GraphQLError(
              `Query is too complex: ${complexity} points (limit ${maxComplexity}); ask for fewer fields or a smaller page`,
              { extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } } },
            );
          }
        },
      };
    },
  };
}
