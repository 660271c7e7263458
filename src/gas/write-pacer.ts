// The Sheets API takes 60 write requests a minute per user per project
// (https://developers.google.com/sheets/api/limits); a unit file costs two (create, then its
// formats), so making files as fast as Apps Script runs fails from about the 30th, in seconds,
// with a 429. The pacer keeps a run's writes under the limit: before a write it waits (with
// Utilities.sleep, time the run's budget counts) until the write is the 55th of the last minute
// at most, leaving room for the user's other tools.
const WINDOW_MS = 60_000;
const WRITES_PER_WINDOW = 55;

export class WritePacer {
  private readonly times: number[] = [];

  constructor(
    private readonly now: () => number = () => Date.now(),
    private readonly sleep: (ms: number) => void = (ms) => Utilities.sleep(ms),
  ) {}

  /** How long the next write would have to wait now (0: it may go). */
  waitMs(): number {
    const now = this.now();
    while (this.times.length > 0 && now - (this.times[0] as number) >= WINDOW_MS)
      this.times.shift();
    if (this.times.length < WRITES_PER_WINDOW) return 0;
    return WINDOW_MS - (now - (this.times[0] as number)) + 1;
  }

  /** Waits as long as needed, then counts the write about to be made. */
  beforeWrite(): void {
    const wait = this.waitMs();
    if (wait > 0) this.sleep(wait);
    this.times.push(this.now());
  }
}
