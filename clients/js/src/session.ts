/**
 * The client's half of a peer session (PROTOCOL 14.4), kept across its links: which server
 * instance confirmed the last link, the requests held across a cut, the sender's count of
 * responses for the next hello, and what the current link wrote, to be written again when
 * the server says it never arrived.
 */

import type { Call, CallTable } from './calls.js';
import { CommConnectionLostError, CommError } from './errors.js';
import { randomHex } from './ids.js';
import { SentLedger } from './ledger.js';
import type { Link, SessionInfo } from './link.js';

export class ClientSession {
  private readonly calls: CallTable;

  private readonly url: string;

  private readonly report: (error: Error) => void;

  /** Names this client to the server's session, which may serve several clients of one client id. */
  private readonly senderId = randomHex(8);

  /** Responses received on session links, which each hello reports so the server resends the rest. */
  private repliesReceived = 0;

  private readonly ledger = new SentLedger<Call>();

  /** The session message of the last confirmed link, until a close notify ends the session. */
  private last: SessionInfo | null = null;

  /** Counts sessions; a link that resumed one shares its number with the link it replaced. */
  private number = 0;

  private readonly numbers = new WeakMap<Link, number>();

  constructor(calls: CallTable, url: string, report: (error: Error) => void) {
    this.calls = calls;
    this.url = url;
    this.report = report;
  }

  /** The hello's `sender` member. */
  sender(): { id: string; received: number } {
    return { id: this.senderId, received: this.repliesReceived };
  }

  /**
   * A link opened: held requests wait on it when it resumed the session and fail
   * otherwise, and what the previous link lost is written again before anything new.
   */
  opened(link: Link, write: (call: Call) => boolean): { resumed: boolean; resent: number } {
    const session = link.session;
    const previous = this.last;
    const resumed =
      session !== null && previous !== null && session.resumed && session.instance === previous.instance;
    if (resumed) {
      this.calls.resumeHeld(link);
    } else {
      this.number += 1;
      this.calls.failHeld(
        new CommConnectionLostError(
          session === null
            ? `the link to ${this.url} was lost and the new link has no session`
            : `the link to ${this.url} was lost and the server did not resume its session`,
        ),
      );
    }
    this.last = session;
    this.numbers.set(link, this.number);
    const resent = session === null ? this.forget() : this.resend(link, resumed, session.received, write);
    return { resumed, resent };
  }

  /** A request or throw was written on `link`: kept while the link is the session's current one. */
  written(link: Link, call: Call): void {
    if (link.confirmed) {
      this.ledger.record(link, call, call.body.length);
    }
  }

  /** A response arrived on `link`. */
  responseArrived(link: Link): void {
    if (link.confirmed) {
      this.repliesReceived += 1;
    }
  }

  /** An open link ended; a close notify from the server ends the session. */
  ended(notified: boolean): void {
    if (notified) {
      this.last = null;
    }
  }

  /** Whether both links are confirmed links of one session, so that one may answer for the other. */
  same(one: Link, other: Link): boolean {
    return one.confirmed && other.confirmed && this.numbers.get(one) === this.numbers.get(other);
  }

  /** The client stops: nothing is kept to be written again. */
  close(): void {
    this.ledger.clear();
  }

  /** Writes again what the server never received; a request whose caller stopped waiting is left out. */
  private resend(link: Link, resumed: boolean, received: number | null, write: (call: Call) => boolean): number {
    const settlement = this.ledger.confirmed(link, resumed && received !== null, received ?? 0);
    let resent = 0;
    for (const call of settlement.resend) {
      if (call.kind === 'request' && !this.calls.isInFlight(call, link)) {
        continue;
      }
      if (!write(call)) {
        break;
      }
      resent += 1;
    }
    this.reportLost(settlement.lost, 'before the link was cut');
    return resent;
  }

  private forget(): number {
    this.reportLost(this.ledger.clear(), 'the new link has no session');
    return 0;
  }

  private reportLost(count: number, why: string): void {
    if (count > 0) {
      this.report(
        new CommError('connection-lost', `${count} request(s) and throw(s) written to ${this.url} may not have arrived: ${why}`),
      );
    }
  }
}
