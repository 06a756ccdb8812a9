/**
 * Errors the user can fix: a one-line message, the fix, and the exit code the top level uses.
 * Anything else that reaches the top is a bug, shown in one line too (stack only with DEBUG).
 */
export class TutorError extends Error {
  constructor(
    message: string,
    readonly fix?: string,
    readonly exitCode = 2,
  ) {
    super(message);
    this.name = "TutorError";
  }
}

/** Thrown by commands that have printed their result and only need to set the exit code. */
export class ExitCode extends Error {
  constructor(readonly code: number) {
    super(`exit ${code}`);
    this.name = "ExitCode";
  }
}
