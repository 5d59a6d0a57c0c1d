/** Errors of reading a user's file: the user's input is at fault, and the message names the problem. */
import { UserInputError } from '../errors.ts';

/** A file that cannot be imported as it is (the user's input): the message names the problem. */
export class ImportError extends UserInputError {}

export interface Problem {
  where: string;
  message: string;
}

/** A problem with one row or feature found while streaming: the import stops, naming it. */
export class ProblemError extends ImportError {
  constructor(readonly problem: Problem) {
    super(`${problem.where}: ${problem.message}; nothing imported`);
  }
}
