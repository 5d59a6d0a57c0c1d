import type { ErrorCode } from '../contract/api.ts';

/** An error a handler throws on purpose, with a code the caller can act on. */
export class ApiError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
  }
}
