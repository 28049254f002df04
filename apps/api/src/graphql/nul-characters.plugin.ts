import { ApolloServerPlugin } from '@apollo/server';
import { DomainError } from '@app/core';
import { BREAK, DocumentNode, GraphQLError, visit } from 'graphql';

const NUL = '\u0000';
/** A high surrogate not followed by a low one, or a low one not after a high one (code units). */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Why PostgreSQL could not keep this text as sent, or null: a NUL character it cannot store, or a
 * lone surrogate (half of a UTF-16 pair, not a character) it would silently turn into "\uFFFD".
 */
function unstorable(text: string): string | null {
  if (text.includes(NUL)) return 'must not contain a NUL character (U+0000)';
  if (LONE_SURROGATE.test(text)) return 'must not contain a broken character (a lone UTF-16 surrogate)';
  return null;
}

/**
 * Refuses a request whose variables or inline string arguments hold text PostgreSQL cannot keep as
 * sent (a NUL, a lone surrogate): it is the client's bad input, answered BAD_USER_INPUT with the
 * offending field before anything runs.
 */
export function nulCharactersPlugin(): ApolloServerPlugin {
  // Apollo reuses the parsed document of a repeated query, so its literals are looked at once.
  const inlineFields = new WeakMap<DocumentNode, Unstorable | null>();
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document }) {
          let found = inlineFields.get(document);
          if (found === undefined) {
            found = inlineUnstorable(document);
            inlineFields.set(document, found);
          }
          found ??= unstorableIn(request.variables ?? {}, '');
          if (found === null) return;
          const problem = DomainError.badInput(found.field, found.message);
          throw new GraphQLError(problem.message, {
            originalError: problem,
            extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } },
          });
        },
      };
    },
  };
}

interface Unstorable {
  field: string;
  message: string;
}

/** The argument (or input field) written in the document itself whose string cannot be kept. */
function inlineUnstorable(document: DocumentNode): Unstorable | null {
  let found: Unstorable | null = null;
  const names: string[] = [];
  visit(document, {
    Argument: { enter: (node) => void names.push(node.name.value), leave: () => void names.pop() },
    ObjectField: {
      enter: (node) => void names.push(node.name.value),
      leave: () => void names.pop(),
    },
    StringValue: (node) => {
      const message = unstorable(node.value);
      if (message === null) return undefined;
      found = { field: names.join('.') || 'query', message };
      return BREAK;
    },
  });
  return found;
}

/** The first string in a variables value that cannot be kept, by path (`input.reason`, `ids.2`). */
function unstorableIn(value: unknown, path: string): Unstorable | null {
  if (typeof value === 'string') {
    const message = unstorable(value);
    return message === null ? null : { field: path, message };
  }
  if (value === null || typeof value !== 'object') return null;
  for (const [key, inner] of Object.entries(value)) {
    const found = unstorableIn(inner, path ? `${path}.${key}` : key);
    if (found !== null) return found;
  }
  return null;
}
