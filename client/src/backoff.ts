/**
 * Delays between restarts of a crashing language server: short at first, then longer, reset once
 * the server has stayed up for a while. Pure, so it is tested without VS Code.
 */
export const BACKOFF_MS: readonly number[] = [500, 1000, 2000, 5000, 10000, 30000];
/** A server that stayed up this long is healthy again: the next crash starts from the shortest delay. */
export const HEALTHY_AFTER_MS = 60_000;

export class Backoff {
  private attempts = 0;
  private startedAt: number | undefined;

  /** The server is up (at `now`). */
  started(now: number): void {
    this.startedAt = now;
  }

  /** The delay before the next restart after a stop at `now`. */
  next(now: number): number {
    if (this.startedAt !== undefined && now - this.startedAt >= HEALTHY_AFTER_MS) this.attempts = 0;
    this.startedAt = undefined;
    const delay = BACKOFF_MS[Math.min(this.attempts, BACKOFF_MS.length - 1)]!;
    this.attempts += 1;
    return delay;
  }

  /** How many restarts in a row so far. */
  get count(): number {
    return this.attempts;
  }

  reset(): void {
    this.attempts = 0;
  }
}
