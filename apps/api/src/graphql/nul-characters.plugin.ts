import { ApolloServerPlugin } from '@apollo/server';
import { DomainError } from '@app/core';
import { BREAK, DocumentNode, GraphQLError, visit } from 'graphql';

const NUL = '\u0000';
const MESSAGE = 'must not contain a NUL character (U+0000)';

/**
 * Refuses a request whose variables or inline string arguments hold a NUL character: no text the
 * platform keeps may contain one (PostgreSQL cannot store it), so it is the client's bad input,
 * answered BAD_USER_INPUT with the offending field before anything runs.
 */
export function nulCharactersPlugin(): ApolloServerPlugin {
  // Apollo reuses the parsed document of a repeated query, so its literals are looked at once.
  const inlineFields = new WeakMap<DocumentNode, string | null>();
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document }) {
          let field = inlineFields.get(document);
          if (field === undefined) {
            field = inlineFieldWithNul(document);
            inlineFields.set(document, field);
          }
          field ??= fieldWithNul(request.variables ?? {}, '');
          if (field === null) return;
          const problem = DomainError.badInput(field, MESSAGE);
          throw new GraphQLError(problem.message, {
            originalError: problem,
            extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } },
          });
        },
      };
    },
  };
}

/** The argument (or input field) written in the document itself whose string holds a NUL. */
function inlineFieldWithNul(document: DocumentNode): string | null {
  let found: string | null = null;
  const names: string[] = [];
  visit(document, {
    Argument: { enter: (node) => void names.push(node.name.value), leave: () => void names.pop() },
    ObjectField: {
      enter: (node) => void names.push(node.name.value),
      leave: () => void names.pop(),
    },
    StringValue: (node) => {
      if (!node.value.includes(NUL)) return undefined;
      found = names.join('.') || 'query';
      return BREAK;
    },
  });
  return found;
}

/** The path of the first string in a variables value that holds a NUL (`input.reason`, `ids.2`). */
function fieldWithNul(value: unknown, path: string): string | null {
  if (typeof value === 'string') return value.includes(NUL) ? path : null;
  if (value === null || typeof value !== 'object') return null;
  for (const [key, inner] of Object.entries(value)) {
    const found = fieldWithNul(inner, path ? `${path}.${key}` : key);
    if (found !== null) return found;
  }
  return null;
}
