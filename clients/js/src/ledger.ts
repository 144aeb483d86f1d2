/**
 * What the client wrote on its current session link, oldest first, so that what the server
 * never received can be written again on the next link (PROTOCOL 14.4, "Sending again what
 * a cut lost"). The server's session message says how many requests and throws it received
 * over all the session's links; a link delivers in order, so those past that count are the
 * ones the cut lost.
 */

/** At most this many messages are kept for writing again. */
export const MAX_KEPT_MESSAGES = 4096;

/** At most this many payload bytes are kept for writing again. */
export const MAX_KEPT_BYTES = 8 * 1024 * 1024;

export interface Settlement<T> {
  /** What the server did not receive, oldest first. */
  resend: T[];
  /** Messages that may not have arrived and are not kept to be written again. */
  lost: number;
}

export class SentLedger<T> {
  private readonly sent: { item: T; size: number }[] = [];

  private link: object | null = null;

  /** The server's count when the current link began. */
  private base = 0;

  /** Messages of the current link that gave way to newer ones. */
  private forgotten = 0;

  private bytes = 0;

  /** Keeps what was written on `link`, when it is the session's current link. */
  record(link: object, item: T, size: number): void {
    if (link !== this.link) {
      return;
    }
    this.sent.push({ item, size });
    this.bytes += size;
    while (this.sent.length > MAX_KEPT_MESSAGES || (this.bytes > MAX_KEPT_BYTES && this.sent.length > 1)) {
      this.bytes -= this.sent.shift()!.size;
      this.forgotten += 1;
    }
  }

  /**
   * A new link's session message arrived: says what the previous link lost, and makes the
   * new link current.
   * @param resumed whether the session goes on and the server gave its count
   * @param received the server's count of requests and throws before this link
   */
  confirmed(link: object, resumed: boolean, received: number): Settlement<T> {
    let settlement: Settlement<T>;
    if (this.link === null) {
      settlement = { resend: [], lost: 0 };
    } else if (!resumed) {
      settlement = { resend: [], lost: this.forgotten + this.sent.length };
    } else {
      const arrived = received - this.base - this.forgotten;
      const from = Math.min(this.sent.length, Math.max(0, arrived));
      settlement = { resend: this.sent.slice(from).map((entry) => entry.item), lost: Math.max(0, -arrived) };
    }
    this.link = link;
    this.base = received;
    this.forgotten = 0;
    this.bytes = 0;
    this.sent.length = 0;
    return settlement;
  }

  /** The session ended: keeps nothing more. Returns what may not have arrived. */
  clear(): number {
    const unconfirmed = this.link !== null ? this.forgotten + this.sent.length : 0;
    this.link = null;
    this.sent.length = 0;
    this.bytes = 0;
    this.forgotten = 0;
    return unconfirmed;
  }
}
