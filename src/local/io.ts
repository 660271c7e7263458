/** Where a command writes: the terminal in real use, buffers in tests. */
export interface Io {
  out(text: string): void;
  err(text: string): void;
  /** A transient progress line (shown only on a terminal). */
  progress(text: string): void;
  now(): Date;
}

export function processIo(): Io {
  const tty = process.stderr.isTTY === true;
  let shown = false;
  const clear = () => {
    if (shown) process.stderr.write('\r\x1b[K');
    shown = false;
  };
  return {
    out: (text) => {
      clear();
      process.stdout.write(text + '\n');
    },
    err: (text) => {
      clear();
      process.stderr.write(text + '\n');
    },
    progress: (text) => {
      if (!tty) return;
      clear();
      process.stderr.write(text);
      shown = true;
    },
    now: () => new Date(),
  };
}
