/** How one request of the contract is declared: the schema of its argument, and the type of its result. */
import type * as v from 'valibot';

/** A schema an argument is checked with; what it outputs is what the handler receives. */
export type ArgSchema = v.GenericSchema<unknown, unknown>;

/**
 * One request: its argument's schema (checked at run time, since the argument crosses a process
 * boundary) and its result's type, for the compiler only (results are made by our own back end).
 */
export interface RequestSpec<Arg extends ArgSchema, Result> {
  readonly arg: Arg;
  /** Never set: it only carries the result's type. */
  readonly result?: Result;
}

/** Declares a request: `request(pathArg).returns<PostDocument>()`. */
export function request<Arg extends ArgSchema>(arg: Arg): { returns<Result>(): RequestSpec<Arg, Result> } {
  return { returns: () => ({ arg }) };
}

/** The argument type a request's handler receives (its schema's output). */
export type ArgOf<Spec> = Spec extends RequestSpec<infer Arg, unknown> ? v.InferOutput<Arg> : never;

/** A request's result type. */
export type ResultOf<Spec> = Spec extends RequestSpec<ArgSchema, infer Result> ? Result : never;
