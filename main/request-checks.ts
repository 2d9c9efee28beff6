/**
 * The check of every request's argument: the renderer (or, in web mode, any web page) is untrusted
 * input, so each argument is parsed with its schema from the contract (shared/api.ts) before a
 * handler sees it. Failures are 'bad-request' errors naming the request and the field that was wrong.
 * And the one way both transports (Electron IPC, web HTTP) run a request by name (`dispatch`).
 */
import * as v from 'valibot';
import { REQUEST_NAMES, requests, type Handlers, type RequestName } from '../shared/api';
import type { ArgSchema } from '../shared/api/spec';
import { fail, toAppError, type Outcome } from '../shared/errors';

/** The 'bad-request' error for a request whose argument was malformed, saying why. */
export function badRequest(request: string, why: string) {
  return fail('bad-request', `The request “${request}” was malformed: ${why}.`);
}

/**
 * `arg` as `schema` outputs it (unknown fields dropped), or a 'bad-request' error naming the field.
 * Stops at the first problem: a refusal needs one reason, and a huge argument is not walked twice.
 */
export function parseArg<Schema extends ArgSchema>(
  request: string,
  schema: Schema,
  arg: unknown,
): v.InferOutput<Schema> {
  const result = v.safeParse(schema, arg, { abortEarly: true, message: fallbackMessage });
  if (result.success) return result.output;
  const issue = result.issues[0];
  throw badRequest(request, describe(issue));
}

/** Each handler behind the check of its argument: what reaches it is its schema's checked output. */
export function checkedHandlers(handlers: Handlers): Handlers {
  const checked: Partial<Record<RequestName, (arg: unknown) => Promise<unknown>>> = {};
  for (const name of REQUEST_NAMES) {
    const handler = handlers[name] as (arg: unknown) => Promise<unknown>;
    const schema: ArgSchema = requests[name].arg;
    checked[name] = async (arg) => handler(parseArg(name, schema, arg));
  }
  return checked as Handlers;
}

/** The issue in words: the field's name (a dotted path for nested ones), then what was wrong with it. */
function describe(issue: v.BaseIssue<unknown>): string {
  const path = issue.path ?? [];
  if (path.length === 0) return issue.message;
  // Keys are the sender's: bounded so a 1 MB key does not become a 1 MB message.
  const field = path.map((item) => String(item.key).slice(0, 100)).join('.');
  const last = path[path.length - 1];
  // An object schema reports a missing field with its own message; say which field is missing.
  if (last?.origin === 'key' && issue.type === 'object') return `“${field}” is missing`;
  return `“${field}” ${issue.message}`;
}

/**
 * For a schema declared without a message of its own. Valibot's default message quotes the value
 * received, which could be a token: never send that back.
 */
function fallbackMessage(issue: v.BaseIssue<unknown>): string {
  return `must be ${issue.expected ?? 'something else'}`;
}

/**
 * Runs one request by name and returns its outcome as data: unknown names and malformed arguments
 * become 'bad-request', anything thrown becomes an AppError. Never throws.
 */
export async function dispatch(backend: Handlers, name: unknown, arg: unknown): Promise<Outcome<unknown>> {
  if (!isRequestName(name)) {
    const shown = typeof name === 'string' ? name.slice(0, 100) : typeof name;
    return { ok: false, error: { code: 'bad-request', message: `Masthead does not know the request “${shown}”.` } };
  }
  try {
    const handler = backend[name] as (value: unknown) => Promise<unknown>;
    return { ok: true, value: await handler(arg) };
  } catch (error) {
    return { ok: false, error: toAppError(error) };
  }
}

/** True for the name of a request in the contract (and not, say, `constructor`). */
export function isRequestName(name: unknown): name is RequestName {
  return typeof name === 'string' && (REQUEST_NAMES as readonly string[]).includes(name);
}
