/**
 * The client's outgoing calls: those waiting for a link, requests in flight on a link, and
 * requests held across a cut of a link with a session (PROTOCOL 14.3, 14.4). Every call has
 * one timer, started when it is made, so that every call ends.
 */

import { CommTimeoutError, type CommError } from './errors.js';
import type { Link } from './link.js';

export type CallState = 'waiting' | 'sent' | 'held';

export interface Call {
  /** The request id; `""` for a throw. */
  readonly id: string;
  readonly kind: 'request' | 'throw';
  readonly route: string | null;
  /** The frame body to write. */
  readonly body: Uint8Array;
  readonly timeout: number;
  readonly resolve: (value: unknown) => void;
  readonly reject: (error: CommError) => void;
  state: CallState;
  /** The link the request was written on, while it is in flight there. */
  link: Link | null;
  timer?: ReturnType<typeof setTimeout>;
}

export class CallTable {
  private readonly waiting = new Set<Call>();

  private readonly inFlight = new Map<string, Call>();

  /** Starts the call's timeout and queues it until a link takes it. */
  wait(call: Call): void {
    if (call.timer === undefined) {
      call.timer = setTimeout(() => this.expire(call), call.timeout);
    }
    call.state = 'waiting';
    call.link = null;
    this.waiting.add(call);
  }

  /** Starts the call's timeout, if not started, and records what was written on `link`. */
  written(call: Call, link: Link): void {
    if (call.timer === undefined) {
      call.timer = setTimeout(() => this.expire(call), call.timeout);
    }
    this.waiting.delete(call);
    if (call.kind === 'throw') {
      clearTimeout(call.timer);
      call.resolve(undefined);
      return;
    }
    call.state = 'sent';
    call.link = link;
    this.inFlight.set(call.id, call);
  }

  /** Writes waiting calls in the order they were made, until a write fails. */
  flush(link: Link, write: (call: Call) => boolean): void {
    for (const call of [...this.waiting]) {
      if (!link.isOpen || !write(call)) {
        return;
      }
      this.written(call, link);
    }
  }

  /** Whether a request still waits for its response on `link`. */
  isInFlight(call: Call, link: Link): boolean {
    return call.kind === 'request' && this.inFlight.get(call.id) === call && call.link === link;
  }

  /** The request that a response on `link` answers, removed from the table; or undefined. */
  take(link: Link, id: string): Call | undefined {
    const call = this.inFlight.get(id);
    if (call === undefined || call.link !== link) {
      return undefined;
    }
    this.inFlight.delete(id);
    clearTimeout(call.timer);
    return call;
  }

  /** A link ended: its requests are held for a resumed session, or fail with `error`. */
  linkLost(link: Link, hold: boolean, error: CommError): void {
    for (const call of [...this.inFlight.values()]) {
      if (call.link !== link) {
        continue;
      }
      if (hold) {
        call.state = 'held';
        call.link = null;
      } else {
        this.fail(call, error);
      }
    }
  }

  /** The server resumed the session: held requests wait for their responses on `link`. */
  resumeHeld(link: Link): number {
    let count = 0;
    for (const call of this.inFlight.values()) {
      if (call.state === 'held') {
        call.state = 'sent';
        call.link = link;
        count += 1;
      }
    }
    return count;
  }

  /** Fails every held request at once. */
  failHeld(error: CommError): void {
    for (const call of [...this.inFlight.values()]) {
      if (call.state === 'held') {
        this.fail(call, error);
      }
    }
  }

  /** Fails every call, waiting, in flight or held. */
  failAll(error: CommError): void {
    for (const call of [...this.waiting, ...this.inFlight.values()]) {
      this.fail(call, error);
    }
  }

  /** Calls not ended yet, by state. */
  count(state: CallState): number {
    if (state === 'waiting') {
      return this.waiting.size;
    }
    let count = 0;
    for (const call of this.inFlight.values()) {
      if (call.state === state) {
        count += 1;
      }
    }
    return count;
  }

  private fail(call: Call, error: CommError): void {
    this.remove(call);
    call.reject(error);
  }

  private expire(call: Call): void {
    const where = call.route === null ? 'unrouted' : `route "${call.route}"`;
    const what = call.kind === 'request' ? `request to ${where}` : `throw to ${where}`;
    const why =
      call.state === 'waiting'
        ? `no link opened within its timeout of ${call.timeout} ms`
        : `no response within its timeout of ${call.timeout} ms`;
    this.remove(call);
    call.reject(new CommTimeoutError(`${what}: ${why}`));
  }

  private remove(call: Call): void {
    clearTimeout(call.timer);
    this.waiting.delete(call);
    if (call.kind === 'request' && this.inFlight.get(call.id) === call) {
      this.inFlight.delete(call.id);
    }
  }
}
