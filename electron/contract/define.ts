/**
 * How a method is declared in the contract: its argument and result schemas, and flags that the
 * transports and the handler boundary derive their lists from (so no list is kept by hand).
 */
import type { z } from 'zod';

export interface MethodSpec<A extends z.ZodType = z.ZodType, R extends z.ZodType = z.ZodType> {
  args: A;
  result: R;
  /** The method writes the user's database: refused with BUSY while an import holds the write lock. */
  writes?: true;
  /** The argument may carry file bytes (base64): the HTTP server allows a larger body. */
  carriesFile?: true;
}

/** Declares a method; the generic keeps each schema's exact type. */
export function method<A extends z.ZodType, R extends z.ZodType, F extends Omit<MethodSpec, 'args' | 'result'> = object>(
  args: A,
  result: R,
  flags?: F,
): { args: A; result: R } & F {
  return { args, result, ...(flags ?? ({} as F)) };
}

/** True when A and B are the same type (compile-time checks that replace casts). */
export type Equals<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
/** True when every A is a B (a one-way check, e.g. a parsed value handed to a function that takes readonly arrays). */
export type Extends<A, B> = [A] extends [B] ? true : false;
/** Fails to compile unless its argument is `true`. */
export type Assert<T extends true> = T;
