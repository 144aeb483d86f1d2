/**
 * Capped, jittered exponential back-off between dial attempts (PROTOCOL 14.2):
 * `delay(n) = min(initial × multiplier^(n−1), max) × (1 − j)`, `j` uniform in [0, 0.2).
 */

/** Back-off settings, in milliseconds. */
export interface ReconnectOptions {
  /** Delay after the first failure in a row; greater than 0. */
  initialDelay?: number;
  /** Cap of the delay; at least `initialDelay`. */
  maxDelay?: number;
  /** Growth per failure in a row; at least 1. */
  multiplier?: number;
}

export const DEFAULT_RECONNECT: Required<ReconnectOptions> = {
  initialDelay: 1000,
  maxDelay: 30000,
  multiplier: 2,
};

/** The largest share of a delay that jitter takes away. */
export const JITTER = 0.2;

export class Backoff {
  private readonly initialDelay: number;

  private readonly maxDelay: number;

  private readonly multiplier: number;

  private readonly random: () => number;

  private failures = 0;

  constructor(options: ReconnectOptions = {}, random: () => number = Math.random) {
    const initialDelay = options.initialDelay ?? DEFAULT_RECONNECT.initialDelay;
    const maxDelay = options.maxDelay ?? Math.max(DEFAULT_RECONNECT.maxDelay, initialDelay);
    const multiplier = options.multiplier ?? DEFAULT_RECONNECT.multiplier;
    if (!(initialDelay > 0) || !Number.isFinite(initialDelay)) {
      throw new RangeError(`reconnect.initialDelay must be a positive number of ms, not ${initialDelay}`);
    }
    if (!(maxDelay >= initialDelay) || !Number.isFinite(maxDelay)) {
      throw new RangeError(`reconnect.maxDelay must be at least initialDelay (${initialDelay} ms), not ${maxDelay}`);
    }
    if (!(multiplier >= 1) || !Number.isFinite(multiplier)) {
      throw new RangeError(`reconnect.multiplier must be at least 1, not ${multiplier}`);
    }
    this.initialDelay = initialDelay;
    this.maxDelay = maxDelay;
    this.multiplier = multiplier;
    this.random = random;
  }

  /** Counts one more failure in a row and returns the delay before the next attempt. */
  next(): number {
    this.failures += 1;
    const base = Math.min(this.initialDelay * this.multiplier ** (this.failures - 1), this.maxDelay);
    return base * (1 - JITTER * this.random());
  }

  /** Called after a successful handshake: the next failure waits about `initialDelay` again. */
  reset(): void {
    this.failures = 0;
  }

  /** Failures in a row so far. */
  get attempts(): number {
    return this.failures;
  }
}
