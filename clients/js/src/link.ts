/**
 * One WebSocket connection to a comm server: the hellos, the agreed extensions, the session
 * message, frames both ways, the heartbeat and the connect timeout. A link never reconnects
 * and never throws into the socket's event handlers: whatever goes wrong ends it, once, and
 * its owner decides what comes next.
 */

import {
  controlFrame,
  decodeFrame,
  FrameCode,
  type Metadata,
  MessageType,
  ProtocolError,
} from './frame.js';
import { binaryData, OPEN, type WebSocketConstructor, type WebSocketLike } from './socket.js';

/** The largest hello or refusal text accepted (PROTOCOL 5.1, WebSocket mapping). */
export const MAX_TEXT_BYTES = 64 * 1024;

export interface LinkSettings {
  url: string;
  WebSocket: WebSocketConstructor;
  hello: object;
  features: readonly string[];
  maxFrameSize: number;
  connectTimeout: number;
  heartbeatInterval: number;
}

/** The server's session message (PROTOCOL 14.4). */
export interface SessionInfo {
  instance: string;
  resumed: boolean;
  /** The requests and throws the server received in the session before this link, if it said. */
  received: number | null;
}

/** How a link ended. */
export interface LinkEnd {
  /** Whether the link had opened (hellos done and, with `session`, the session message). */
  opened: boolean;
  /** Whether the server ended it with a close notify, which also ends its session. */
  notified: boolean;
  /** Whether this side ended it on purpose (close()). */
  local: boolean;
  /** Whether the server refused the client (PROTOCOL 5.5). */
  refused: boolean;
  /** For people: what happened. */
  reason: string;
  /** The bad input, the refusal or the timeout that ended it, if any. */
  error?: Error;
}

export interface LinkListener {
  opened(link: Link): void;
  message(link: Link, meta: Metadata, payload: Uint8Array): void;
  refused(link: Link, reason: string): void;
  ended(link: Link, end: LinkEnd): void;
}

type Phase = 'dialling' | 'hello' | 'session' | 'open' | 'ended';

const textEncoder = new TextEncoder();

export class Link {
  private readonly settings: LinkSettings;

  private readonly listener: LinkListener;

  private socket: WebSocketLike | null = null;

  private phase: Phase = 'dialling';

  private connectTimer: ReturnType<typeof setTimeout> | undefined;

  private heartbeatTimer: ReturnType<typeof setInterval> | undefined;

  private lastReceived = 0;

  private socketClosed!: Promise<void>;

  /** The extensions both hellos announced. */
  agreed: ReadonlySet<string> = new Set();

  /** The session message of this link, once it arrived. */
  session: SessionInfo | null = null;

  constructor(settings: LinkSettings, listener: LinkListener) {
    this.settings = settings;
    this.listener = listener;
  }

  /** Opens the socket; the outcome arrives through the listener, never synchronously. */
  start(): void {
    this.connectTimer = setTimeout(
      () => this.fail(`no link within the connect timeout of ${this.settings.connectTimeout} ms`),
      this.settings.connectTimeout,
    );
    let socket: WebSocketLike;
    try {
      socket = new this.settings.WebSocket(this.settings.url);
    } catch (error) {
      this.socketClosed = Promise.resolve();
      queueMicrotask(() => this.fail(`cannot open ${this.settings.url}: ${describe(error)}`, error));
      return;
    }
    this.socket = socket;
    this.socketClosed = new Promise((resolve) => {
      socket.onclose = (event) => {
        resolve();
        this.guard(() => this.socketEnded(event));
      };
    });
    socket.binaryType = 'arraybuffer';
    socket.onopen = () => this.guard(() => this.socketOpened());
    socket.onmessage = (event) => this.guard(() => this.received(event.data));
    socket.onerror = () => this.guard(() => this.fail(`WebSocket error on ${this.settings.url}`));
  }

  /** Whether frames may be sent: the link is open. */
  get isOpen(): boolean {
    return this.phase === 'open';
  }

  /** Whether the link had a session message, so that a cut may be resumed (PROTOCOL 14.4). */
  get confirmed(): boolean {
    return this.session !== null;
  }

  /**
   * Writes one frame body. Returns false, and ends the link, when the socket refuses it.
   */
  send(body: Uint8Array): boolean {
    if (this.phase !== 'open' || this.socket === null) {
      return false;
    }
    return this.write(body);
  }

  /**
   * Ends the link from this side: with a close notify when it is open, then a WebSocket
   * close. Resolves once the socket reports it closed, or after `waitMs` at most.
   */
  close(reason: string, waitMs: number): Promise<void> {
    const socket = this.socket;
    if (this.phase === 'open' && socket !== null) {
      this.write(controlFrame(FrameCode.CLOSE_NOTIFY));
    }
    this.end({ local: true, reason });
    if (socket === null) {
      return Promise.resolve();
    }
    let timer: ReturnType<typeof setTimeout> | undefined;
    const waited = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, waitMs);
    });
    return Promise.race([this.socketClosed, waited]).finally(() => clearTimeout(timer));
  }

  private socketOpened(): void {
    if (this.phase !== 'dialling' || this.socket === null) {
      return;
    }
    this.phase = 'hello';
    this.socket.send(JSON.stringify(this.settings.hello));
  }

  private received(data: unknown): void {
    if (this.phase === 'ended') {
      return;
    }
    if (typeof data === 'string') {
      this.receivedText(data);
      return;
    }
    const body = binaryData(data);
    if (body === null) {
      this.fail('the server sent a message that is neither text nor binary', new ProtocolError('bad message'));
      return;
    }
    if (body.length > this.settings.maxFrameSize) {
      this.fail(
        `the server sent a frame of ${body.length} bytes, over the limit of ${this.settings.maxFrameSize}`,
        new ProtocolError('frame too large'),
      );
      return;
    }
    if (this.phase === 'dialling' || this.phase === 'hello') {
      this.fail('the server sent a binary message before its hello', new ProtocolError('binary before hello'));
      return;
    }
    let frame;
    try {
      frame = decodeFrame(body);
    } catch (error) {
      this.fail(`bad frame from the server: ${describe(error)}`, error);
      return;
    }
    this.lastReceived = Date.now();
    switch (frame.kind) {
      case 'ping':
        this.write(controlFrame(FrameCode.PONG));
        return;
      case 'pong':
        return;
      case 'close-notify':
        this.end({ notified: true, reason: 'the server closed the link' });
        return;
      case 'message':
        this.receivedMessage(frame.meta, frame.payload);
        return;
    }
  }

  private receivedText(text: string): void {
    if (text.length > MAX_TEXT_BYTES || textEncoder.encode(text).length > MAX_TEXT_BYTES) {
      this.fail(`the server sent a text message over ${MAX_TEXT_BYTES} bytes`, new ProtocolError('text too large'));
      return;
    }
    this.lastReceived = Date.now();
    if (this.phase !== 'hello') {
      this.refuse(readReason(text));
      return;
    }
    let hello: unknown;
    try {
      hello = JSON.parse(text);
    } catch {
      hello = undefined;
    }
    if (hello === null || typeof hello !== 'object' || Array.isArray(hello)) {
      this.fail('the server hello is not a JSON object', new ProtocolError('bad hello'));
      return;
    }
    const fields = hello as Record<string, unknown>;
    if ('reason' in fields && !('hello' in fields) && !('client_id' in fields) && !('comm' in fields)) {
      this.refuse(typeof fields['reason'] === 'string' ? fields['reason'] : text);
      return;
    }
    this.agreed = agree(this.settings.features, fields['comm']);
    this.startHeartbeat();
    if (this.agreed.has('session')) {
      this.phase = 'session';
    } else {
      this.opened();
    }
  }

  private receivedMessage(meta: Metadata, payload: Uint8Array): void {
    const isSession = meta.type === MessageType.SESSION && this.agreed.has('session');
    if (this.phase === 'session') {
      if (!isSession) {
        this.fail(`the server sent type ${meta.type} before its session message`, new ProtocolError('no session message'));
        return;
      }
      if (typeof meta['instance'] !== 'string') {
        this.fail('the session message has no string instance', new ProtocolError('bad session message'));
        return;
      }
      const received = meta['received'];
      this.session = {
        instance: meta['instance'],
        resumed: meta['resumed'] === true,
        received: typeof received === 'number' && Number.isInteger(received) && received >= 0 ? received : null,
      };
      this.opened();
      return;
    }
    if (isSession) {
      // One session message per link; a repeat carries nothing this side acts on.
      return;
    }
    this.listener.message(this, meta, payload);
  }

  private opened(): void {
    this.phase = 'open';
    clearTimeout(this.connectTimer);
    this.listener.opened(this);
  }

  private refuse(reason: string): void {
    this.listener.refused(this, reason);
    this.end({ refused: true, reason: `the server refused the link: ${reason}`, error: new Error(reason) });
  }

  private startHeartbeat(): void {
    const interval = this.settings.heartbeatInterval;
    if (!this.agreed.has('heartbeat') || interval <= 0) {
      return;
    }
    this.heartbeatTimer = setInterval(
      () =>
        this.guard(() => {
          const silent = Date.now() - this.lastReceived;
          if (silent > 3 * interval) {
            this.fail(`no frame from the server for ${silent} ms (heartbeat interval ${interval} ms)`);
          } else if (silent > interval) {
            this.write(controlFrame(FrameCode.PING));
          }
        }),
      interval,
    );
  }

  private socketEnded(event: { code?: number; reason?: string }): void {
    const code = event?.code ?? 1006;
    const text = event?.reason ? `: ${event.reason}` : '';
    this.end({ reason: `the WebSocket closed (code ${code}${text})` });
  }

  private write(body: Uint8Array | string): boolean {
    const socket = this.socket;
    if (socket === null || socket.readyState !== OPEN) {
      this.fail('the WebSocket is no longer open');
      return false;
    }
    try {
      socket.send(body);
      return true;
    } catch (error) {
      this.fail(`cannot write to the WebSocket: ${describe(error)}`, error);
      return false;
    }
  }

  private fail(reason: string, error?: unknown): void {
    this.end({ reason, error: error instanceof Error ? error : new Error(reason) });
  }

  private end(details: Partial<LinkEnd> & { reason: string }): void {
    if (this.phase === 'ended') {
      return;
    }
    const opened = this.phase === 'open';
    this.phase = 'ended';
    clearTimeout(this.connectTimer);
    clearInterval(this.heartbeatTimer);
    const socket = this.socket;
    if (socket !== null) {
      socket.onopen = null;
      socket.onmessage = null;
      socket.onerror = null;
      try {
        socket.close(1000);
      } catch {
        // Closing a socket that is already closing has nothing left to do.
      }
    }
    this.listener.ended(this, { opened, notified: false, local: false, refused: false, ...details });
  }

  /** Runs an event handler so that nothing it throws escapes into the socket. */
  private guard(action: () => void): void {
    try {
      action();
    } catch (error) {
      this.fail(`internal error: ${describe(error)}`, error);
    }
  }
}

/** The intersection of our features and the peer's `comm.features` (PROTOCOL 5.4). */
export function agree(ours: readonly string[], comm: unknown): ReadonlySet<string> {
  if (comm === null || typeof comm !== 'object' || Array.isArray(comm)) {
    return new Set();
  }
  const theirs = (comm as Record<string, unknown>)['features'];
  if (!Array.isArray(theirs)) {
    return new Set();
  }
  return new Set(ours.filter((feature) => theirs.includes(feature)));
}

function readReason(text: string): string {
  try {
    const value: unknown = JSON.parse(text);
    if (value !== null && typeof value === 'object' && typeof (value as { reason?: unknown }).reason === 'string') {
      return (value as { reason: string }).reason;
    }
  } catch {
    // An unreadable refusal is reported as its raw text.
  }
  return text;
}

export function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
