import { ApolloServerPlugin } from '@apollo/server';
import { DocumentNode, GraphQLError, GraphQLSchema, validate, visit } from 'graphql';
import depthLimit from 'graphql-depth-limit';
import { getComplexity, simpleEstimator } from 'graphql-query-complexity';

/**
 * Refuses documents nested deeper than `maxDepth` or costing more than `maxComplexity` (one point a
 * field, multiplied by `first` on lists), before anything runs, with a BAD_USER_INPUT error.
 */
export function queryLimitsPlugin(maxDepth: number, maxComplexity: number): ApolloServerPlugin {
  // Apollo reuses the parsed document of a repeated query, so its depth is checked once.
  const depthChecked = new WeakMap<DocumentNode, boolean>();
  // Its cost too, per value of the few variables the cost depends on (see costVariables).
  const costs = new WeakMap<DocumentNode, { variables: string[]; byValues: Map<string, number> }>();
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, schema, operation }) {
          // An unknown operationName: Apollo answers it next, in its own words.
          if (!operation) return;
          let tooDeep = depthChecked.get(document);
          if (tooDeep === undefined) {
            tooDeep =
              validate(schema as GraphQLSchema, document, [depthLimit(maxDepth)]).length > 0;
            depthChecked.set(document, tooDeep);
          }
          if (tooDeep) {
            throw new GraphQLError(`Query is nested too deeply (limit ${maxDepth})`, {
              extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } },
            });
          }
          let cached = costs.get(document);
          if (!cached) {
            cached = { variables: costVariables(document), byValues: new Map() };
            costs.set(document, cached);
          }
          const given = request.variables ?? {};
          const key = JSON.stringify([
            request.operationName ?? null,
            ...cached.variables.map((name) => [name in given, given[name]]),
          ]);
          let complexity = cached.byValues.get(key);
          if (complexity === undefined) {
            complexity = cost(schema, document, request.operationName, given);
            if (cached.byValues.size >= 64) cached.byValues.clear();
            cached.byValues.set(key, complexity);
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

/** One point a field, multiplied by `first` on lists. */
function cost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null | undefined,
  variables: Record<string, unknown>,
): number {
  let complexity: number;
  try {
    complexity = getComplexity({
      schema,
      query: document,
      operationName: operationName ?? undefined,
      variables,
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
  return complexity;
}

/**
 * The variables a document's cost depends on: those given to a `first` argument and to @skip or
 * @include (the estimator reads nothing else). Other variables (a search's input) change nothing.
 */
function costVariables(document: DocumentNode): string[] {
  const names = new Set<string>();
  let inCostArgument = 0;
  visit(document, {
    Argument: {
      enter: (node) => {
        if (node.name.value === 'first') inCostArgument += 1;
      },
      leave: (node) => {
        if (node.name.value === 'first') inCostArgument -= 1;
      },
    },
    Directive: { enter: () => void (inCostArgument += 1), leave: () => void (inCostArgument -= 1) },
    Variable: (node) => {
      if (inCostArgument > 0) names.add(node.name.value);
    },
  });
  return [...names].sort();
}
