/** What crosses a transport: a result, or a typed error with a message a person can read and no stack. */
export const ERROR_CODES = ['UNKNOWN_METHOD', 'BAD_ARGUMENT', 'NOT_FOUND', 'BUSY', 'UNAVAILABLE', 'FORBIDDEN', 'INTERNAL'] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ApiFailure {
  ok: false;
  error: { code: ErrorCode; message: string; issues?: string[] };
}
export interface ApiSuccess<T> {
  ok: true;
  result: T;
}
export type Envelope<T> = ApiSuccess<T> | ApiFailure;
