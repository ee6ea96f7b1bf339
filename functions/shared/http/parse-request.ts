/** Parses path, query and body with the route row's own zod schemas; bad input is a 400 with issue paths. */
import * as z from 'zod/mini';
import en from 'zod/v4/locales/en.js';
import type { RouteDef } from '../../routes.js';
import { BadRequestError, type Issue } from '../errors.js';
import type { HttpEvent } from './types.js';

// zod/mini carries no messages of its own ("Invalid input"); the API answers in English, the web in the reader's language.
z.config(en());

const issuesOf = (where: string, error: z.core.$ZodError): Issue[] =>
  error.issues.map((i) => ({
    path: [where, ...i.path.map(String)].join('.'),
    code: i.code,
    message: i.message,
  }));

/** Parses one part of a request with its schema; a failure is a 400 naming each bad field. */
export function parseWith<S extends z.ZodMiniType>(where: 'params' | 'query' | 'body', schema: S, value: unknown): z.output<S> {
  const result = schema.safeParse(value);
  if (!result.success) {
    const message = where === 'body' ? 'The request body is not valid.' : `The ${where === 'params' ? 'path' : 'query'} is not valid.`;
    throw new BadRequestError(message, issuesOf(where, result.error), 'invalid_input');
  }
  return result.data;
}

const parsePart = (where: 'params' | 'query' | 'body', schema: z.ZodMiniType | undefined, value: unknown): unknown =>
  schema ? parseWith(where, schema, value) : undefined;

function readJson(event: HttpEvent): unknown {
  const raw = event.body === undefined || event.body === null
    ? ''
    : event.isBase64Encoded ? Buffer.from(event.body, 'base64').toString('utf8') : event.body;
  return parseJsonText(raw);
}

/** An empty body reads as `{}`, so a schema can name what is missing; malformed JSON is a 400. */
export function parseJsonText(raw: string): unknown {
  if (raw.trim() === '') return {};
  try {
    return JSON.parse(raw);
  } catch {
    throw new BadRequestError('The request body is not valid JSON.', undefined, 'malformed_json');
  }
}

export function parseRequest(route: RouteDef, event: HttpEvent) {
  return {
    params: parsePart('params', route.params, event.pathParameters ?? {}),
    query: parsePart('query', route.query, event.queryStringParameters ?? {}),
    body: route.body ? parsePart('body', route.body, readJson(event)) : undefined,
  };
}
