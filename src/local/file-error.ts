/**
 * A file, sheet or column the command cannot use: its message, in Vietnamese, is all the user
 * sees (exit code 1), and the file is left as it was.
 */
export class FileError extends Error {}
