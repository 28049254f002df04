import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { TokenService } from '@app/auth';
import { formatGraphQLError, LoaderRegistry, RequestContext } from '@app/core';
import { ApolloDriverConfig } from '@nestjs/apollo';
import { Logger } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { join } from 'node:path';
import { nulCharactersPlugin } from './nul-characters.plugin';
import { queryLimitsPlugin } from './query-limits.plugin';

const logger = new Logger('GraphQL');

/** Apollo on Fastify: schema generated from code, errors mapped to contract codes, per-request context. */
export function graphqlOptions(
  config: ConfigService,
  tokens: TokenService,
  loaders: LoaderRegistry,
): ApolloDriverConfig {
  return {
    autoSchemaFile:
      config.get('NODE_ENV') === 'production' ? true : join(process.cwd(), 'schema.gql'),
    sortSchema: true,
    path: '/graphql',
    graphiql: config.get('NODE_ENV') !== 'production',
    introspection: config.get('NODE_ENV') !== 'production',
    // Without introspection, "Did you mean …?" hints would still spell the schema out.
    hideSchemaDetailsFromClientErrors: config.get('NODE_ENV') === 'production',
    csrfPrevention: true,
    includeStacktraceInErrorResponses: false,
    buildSchemaOptions: { dateScalarMode: 'isoDate' },
    // Cache hints are not used (responses are per user), and the plugin hooks every field.
    plugins: [
      ApolloServerPluginCacheControlDisabled(),
      queryLimitsPlugin(
        config.getOrThrow('GRAPHQL_MAX_DEPTH'),
        config.getOrThrow('GRAPHQL_MAX_COMPLEXITY'),
      ),
      nulCharactersPlugin(),
    ],
    // A revoked, disabled or unknown user's token counts as no token (UNAUTHENTICATED where one is needed).
    context: async (request: RequestContext['req']): Promise<RequestContext> => ({
      req: request,
      user: await tokens.authenticate(request.headers.authorization),
      loaders: loaders.forRequest(),
    }),
    formatError: (formatted, error) =>
      formatGraphQLError(formatted, error, {
        onInternal: (cause) =>
          logger.error(
            {
              err:
                cause instanceof Error
                  ? { name: cause.name, message: cause.message, stack: cause.stack }
                  : cause,
            },
            'unhandled error in a resolver',
          ),
      }),
  };
}
