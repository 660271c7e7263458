/**
 * LockService. Each getXxxLock() call returns a new Lock object sharing one slot per kind, like
 * the real service, so only the object that acquired the lock reports hasLock(). A test plays
 * "another execution" with hold()/release() to exercise the contention path; nothing ever waits.
 */
import { gasError } from './errors';
import { SERVICE } from './record';

export type LockKind = 'script' | 'document' | 'user';

/** Holder used when the test simulates a concurrent run. */
const OTHER_RUN = Object.freeze({ otherRun: true });

class LockSlot {
  holder: object | null = null;
}

export class FakeLock {
  readonly [SERVICE] = 'LockService';
  constructor(private readonly slot: LockSlot) {}

  tryLock(_timeoutInMillis: number): boolean {
    if (this.slot.holder !== null && this.slot.holder !== this) return false;
    this.slot.holder = this;
    return true;
  }
  waitLock(timeoutInMillis: number): void {
    if (!this.tryLock(timeoutInMillis)) {
      throw gasError('Lock timeout: another process was holding the lock for too long.');
    }
  }
  releaseLock(): void {
    if (this.slot.holder === this) this.slot.holder = null;
  }
  hasLock(): boolean {
    return this.slot.holder === this;
  }
}

export class FakeLockService {
  readonly [SERVICE] = 'LockService';
  private readonly slots: Record<LockKind, LockSlot> = {
    script: new LockSlot(),
    document: new LockSlot(),
    user: new LockSlot(),
  };

  getScriptLock(): FakeLock {
    return new FakeLock(this.slots.script);
  }
  getDocumentLock(): FakeLock {
    return new FakeLock(this.slots.document);
  }
  getUserLock(): FakeLock {
    return new FakeLock(this.slots.user);
  }

  // ---- test helpers -----------------------------------------------------------------------

  /** Simulates another execution holding the lock until release(). */
  hold(kind: LockKind = 'script'): void {
    if (this.slots[kind].holder !== null) throw new Error(`The ${kind} lock is already held`);
    this.slots[kind].holder = OTHER_RUN;
  }
  /** Frees the lock whoever holds it. */
  release(kind: LockKind = 'script'): void {
    this.slots[kind].holder = null;
  }
  isHeld(kind: LockKind = 'script'): boolean {
    return this.slots[kind].holder !== null;
  }
  /** True when a Lock from the bundle (not the test's hold()) has it. */
  isHeldByScript(kind: LockKind = 'script'): boolean {
    return this.slots[kind].holder instanceof FakeLock;
  }
  /** End of an execution: Apps Script releases locks the run still holds. */
  releaseScriptLocks(): void {
    for (const slot of Object.values(this.slots)) {
      if (slot.holder instanceof FakeLock) slot.holder = null;
    }
  }
}
