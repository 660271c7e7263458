/** The command line was typed wrong (exit code 2). */
export class UsageError extends Error {}
