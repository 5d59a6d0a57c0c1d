/**
 * Errors the backend's rooms (reference, network, db, imports, basemaps, scoring) throw on
 * purpose. They say what went wrong in words a user can act on; only the handler boundary
 * (`dispatch`, electron/handlers/index.ts) turns them into API error codes.
 */

/** The caller's input is at fault (a bad file, an impossible coordinate, an unknown id in a list): BAD_ARGUMENT. */
export class UserInputError extends Error {}

/** The thing asked for does not exist: NOT_FOUND. */
export class NotFoundError extends Error {}

/** The project is busy with a write that must not be joined or waited on (an import): BUSY. */
export class BusyError extends Error {}

/** A service the call needs cannot be reached (the team server is down or the network is gone): UNAVAILABLE. */
export class UnavailableError extends Error {}

/** The caller may not do this (the team server refused it for the user's role): FORBIDDEN. */
export class ForbiddenError extends Error {}
