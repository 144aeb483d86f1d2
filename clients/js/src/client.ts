/**
 * The comm client: dials one server over WebSocket, keeps one link open, reconnects with
 * back-off, sends requests and throws, and answers the server's calls with its handlers.
 */

import { Backoff } from './backoff.js';
import { type Call, CallTable } from './calls.js';
import { Emitter } from './events.js';
import {
  classifyErrorResponse,
  CommClosedError,
  CommConnectionLostError,
  CommError,
  CommTimeoutError,
} from './errors.js';
import { decodePayload, encodeMessage, encodePayload, type Metadata, MessageType, ProtocolError } from './frame.js';
import { errorAnswer, type Handler, Handlers } from './handlers.js';
import { nextRequestId } from './ids.js';
import { describe, Link, type LinkEnd, type LinkListener, type SessionInfo } from './link.js';
import { type CommClientOptions, resolveSettings, type Settings } from './options.js';
import { ClientSession } from './session.js';

/** The extensions this client implements and announces. */
export const FEATURES: readonly string[] = ['heartbeat', 'error-type', 'session'];

export type ClientState = 'idle' | 'connecting' | 'open' | 'closed';

/** Passed to 'open' listeners. */
export interface OpenEvent {
  /** The extensions both sides announced. */
  features: string[];
  /** The server's session message, when `session` is agreed. */
  session: SessionInfo | null;
  /** Whether the server resumed the session of the previous link. */
  resumed: boolean;
  /** Requests and throws of the previous link written again, because the server never received them. */
  resent: number;
}

/** Passed to 'close' listeners when an open link ends. */
export interface CloseEvent {
  reason: string;
  /** Whether the client dials again. */
  reconnecting: boolean;
  /** Requests kept for a resumed session. */
  held: number;
}

type Events = {
  open: [OpenEvent];
  close: [CloseEvent];
  state: [ClientState, ClientState];
  refused: [string];
  error: [Error];
};

export interface CallOptions {
  /** Timeout in ms, time spent waiting for a link included; the client's `requestTimeout` unless set. */
  timeout?: number;
}

export class CommClient {
  private readonly settings: Settings;

  private readonly backoff: Backoff;

  private readonly handlers = new Handlers();

  private readonly calls = new CallTable();

  private readonly events = new Emitter<Events>((event, error) => {
    if (event !== 'error') {
      this.events.emit('error', error instanceof Error ? error : new Error(String(error)));
    }
  });

  private readonly linkListener: LinkListener = {
    opened: (link) => this.linkOpened(link),
    message: (link, meta, payload) => this.linkMessage(link, meta, payload),
    refused: (link, reason) => {
      if (link === this.link) {
        this.events.emit('refused', reason);
      }
    },
    ended: (link, end) => this.linkEnded(link, end),
  };

  private readonly readyWaiters = new Set<{ resolve: () => void; reject: (error: CommError) => void }>();

  private current: ClientState = 'idle';

  private link: Link | null = null;

  private retryTimer: ReturnType<typeof setTimeout> | undefined;

  private closing: Promise<void> | null = null;

  private readonly session: ClientSession;

  constructor(options: CommClientOptions) {
    this.settings = resolveSettings(options);
    this.backoff = new Backoff(this.settings.reconnect);
    this.session = new ClientSession(this.calls, this.settings.url, (error) => this.report(error));
  }

  /** 'idle' before start(), 'connecting' while no link is open, 'open', 'closed' after close(). */
  get state(): ClientState {
    return this.current;
  }

  /** The URL this client dials. */
  get url(): string {
    return this.settings.url;
  }

  /** Answers the server's requests and throws to `route`. */
  handle(route: string, handler: Handler): this {
    this.handlers.add(route, handler);
    return this;
  }

  /** Answers requests and throws to routes without a handler, and unrouted ones. */
  handleUnmatched(handler: Handler): this {
    this.handlers.setFallback(handler);
    return this;
  }

  /** Adds a listener; returns a function that removes it. */
  on<E extends keyof Events>(event: E, listener: (...args: Events[E]) => void): () => void {
    return this.events.on(event, listener);
  }

  /** Begins dialling. Calling it again does nothing; a closed client cannot start again. */
  start(): this {
    if (this.current === 'closed') {
      throw new CommClosedError('the client was closed and cannot start again: make a new CommClient');
    }
    if (this.current === 'idle') {
      this.setState('connecting');
      this.dial();
    }
    return this;
  }

  /** Resolves once a link is open; rejects with CommTimeoutError after `timeout` ms. */
  ready(timeout: number = this.settings.connectTimeout): Promise<void> {
    if (this.current === 'open') {
      return Promise.resolve();
    }
    if (this.current === 'closed') {
      return Promise.reject(new CommClosedError('the client is closed'));
    }
    checkTimeout(timeout);
    return new Promise((resolve, reject) => {
      const waiter = {
        resolve: () => {
          clearTimeout(timer);
          this.readyWaiters.delete(waiter);
          resolve();
        },
        reject: (error: CommError) => {
          clearTimeout(timer);
          this.readyWaiters.delete(waiter);
          reject(error);
        },
      };
      const timer = setTimeout(
        () => waiter.reject(new CommTimeoutError(`no link to ${this.settings.url} opened within ${timeout} ms`)),
        timeout,
      );
      this.readyWaiters.add(waiter);
    });
  }

  /** Sends a request and resolves with the decoded result. */
  request(route: string | null, payload?: unknown, options: CallOptions = {}): Promise<unknown> {
    return new Promise((resolve, reject) => this.call('request', route, payload, options, resolve, reject));
  }

  /** Sends a throw (no response); resolves once it is written to a link. */
  send(route: string | null, payload?: unknown, options: CallOptions = {}): Promise<void> {
    return new Promise((resolve, reject) =>
      this.call('throw', route, payload, options, () => resolve(), reject),
    );
  }

  /** Sends close notify and closes; what is still waiting fails with kind 'closed'. */
  close(): Promise<void> {
    if (this.closing !== null) {
      return this.closing;
    }
    this.setState('closed');
    clearTimeout(this.retryTimer);
    const error = new CommClosedError('the client was closed');
    this.calls.failAll(error);
    this.session.close();
    for (const waiter of [...this.readyWaiters]) {
      waiter.reject(error);
    }
    const link = this.link;
    this.closing = link === null ? Promise.resolve() : link.close('the client was closed', 2000);
    this.link = null;
    return this.closing;
  }

  private call(
    kind: 'request' | 'throw',
    route: string | null,
    payload: unknown,
    options: CallOptions,
    resolve: (value: unknown) => void,
    reject: (error: CommError) => void,
  ): void {
    if (this.current === 'closed') {
      throw new CommClosedError('the client is closed');
    }
    if (route !== null && (typeof route !== 'string' || route.length === 0)) {
      throw new TypeError('a route must be a non-empty string, or null for an unrouted call');
    }
    const timeout = options?.timeout ?? this.settings.requestTimeout;
    checkTimeout(timeout);
    let payloadBytes: Uint8Array;
    try {
      payloadBytes = encodePayload(payload);
    } catch (error) {
      throw new CommError('encode', `the payload for ${where(route)} cannot be sent as JSON: ${describe(error)}`, {
        cause: error,
      });
    }
    const id = kind === 'request' ? nextRequestId() : '';
    const type = kind === 'request' ? MessageType.REQUEST : MessageType.THROW;
    const meta: Metadata = route === null ? { id, type } : { id, type, route };
    const body = encodeMessage(meta, payloadBytes);
    if (body.length > this.settings.maxFrameSize) {
      throw new CommError(
        'too-large',
        `the ${kind} to ${where(route)} is ${body.length} bytes, over maxFrameSize (${this.settings.maxFrameSize})`,
      );
    }
    const entry: Call = { id, kind, route, body, timeout, resolve, reject, state: 'waiting', link: null };
    const link = this.link;
    if (link !== null && link.isOpen && this.calls.count('waiting') === 0 && this.write(link, entry)) {
      this.calls.written(entry, link);
    } else {
      this.calls.wait(entry);
    }
  }

  private dial(): void {
    this.retryTimer = undefined;
    if (this.current === 'closed') {
      return;
    }
    const auth = this.settings.token === undefined ? {} : { auth: { scheme: 'bearer', token: this.settings.token } };
    const link = new Link(
      {
        url: this.settings.url,
        WebSocket: this.settings.WebSocket,
        hello: {
          client_id: this.settings.clientId,
          comm: {
            version: 1,
            features: [...FEATURES],
            sender: this.session.sender(),
            ...auth,
          },
        },
        features: FEATURES,
        maxFrameSize: this.settings.maxFrameSize,
        connectTimeout: this.settings.connectTimeout,
        heartbeatInterval: this.settings.heartbeatInterval,
      },
      this.linkListener,
    );
    this.link = link;
    link.start();
  }

  private linkOpened(link: Link): void {
    if (link !== this.link) {
      return;
    }
    this.backoff.reset();
    const { resumed, resent } = this.session.opened(link, (call) => this.write(link, call));
    // A write that fails ends the link at once, and a listener may close the client:
    // each step goes on only while this link is still the open one.
    if (this.link !== link || !link.isOpen) {
      return;
    }
    this.setState('open');
    if (this.link !== link) {
      return;
    }
    this.calls.flush(link, (call) => this.write(link, call));
    if (this.link !== link) {
      return;
    }
    for (const waiter of [...this.readyWaiters]) {
      waiter.resolve();
    }
    this.events.emit('open', { features: [...link.agreed], session: link.session, resumed, resent });
  }

  /** Writes a call; on a session link, keeps it to be written again should a cut lose it. */
  private write(link: Link, call: Call): boolean {
    if (!link.send(call.body)) {
      return false;
    }
    this.session.written(link, call);
    return true;
  }

  private linkEnded(link: Link, end: LinkEnd): void {
    if (this.current === 'closed') {
      if (end.opened) {
        this.events.emit('close', { reason: end.reason, reconnecting: false, held: 0 });
      }
      return;
    }
    if (link !== this.link) {
      return;
    }
    this.link = null;
    if (end.opened) {
      const hold = link.confirmed && !end.notified;
      const lost = new CommConnectionLostError(`the link to ${this.settings.url} was lost: ${end.reason}`, {
        cause: end.error,
      });
      this.calls.linkLost(link, hold, lost);
      this.session.ended(end.notified);
      this.events.emit('close', { reason: end.reason, reconnecting: true, held: this.calls.count('held') });
    }
    if (!end.refused && (!end.opened || end.error !== undefined)) {
      this.events.emit(
        'error',
        new CommError(end.error instanceof ProtocolError ? 'protocol' : 'connection-lost', `link to ${this.settings.url}: ${end.reason}`, {
          cause: end.error,
        }),
      );
    }
    this.setState('connecting');
    this.retryTimer = setTimeout(() => this.dial(), this.backoff.next());
  }

  private linkMessage(link: Link, meta: Metadata, payload: Uint8Array): void {
    const type = meta.type;
    if (type >= MessageType.OK) {
      this.session.responseArrived(link);
      this.response(link, meta, payload);
    } else if (type === MessageType.REQUEST) {
      this.answer(link, meta, payload).catch((error: unknown) => this.report(error));
    } else if (type === MessageType.THROW) {
      this.handleThrow(meta, payload).catch((error: unknown) => this.report(error));
    } else if (meta.id !== '') {
      const answer = errorAnswer(
        MessageType.REQUESTER_FAULT,
        'requester-fault',
        `Message type ${type} is not supported`,
        null,
        link.agreed.has('error-type'),
      );
      link.send(encodeMessage({ ...meta, type: answer.type }, answer.body));
    }
  }

  private response(link: Link, meta: Metadata, payload: Uint8Array): void {
    const call = this.calls.take(link, meta.id);
    if (call === undefined) {
      return;
    }
    if (meta.type !== MessageType.OK) {
      call.reject(classifyErrorResponse(meta.type, payload, call.route));
      return;
    }
    let value: unknown;
    try {
      value = decodePayload(payload);
    } catch (error) {
      call.reject(new CommError('protocol', `the response from ${where(call.route)} is not JSON: ${describe(error)}`));
      return;
    }
    call.resolve(value);
  }

  private async answer(link: Link, meta: Metadata, payload: Uint8Array): Promise<void> {
    const route = typeof meta.route === 'string' ? meta.route : null;
    const errorType = link.agreed.has('error-type');
    let answer = await this.handlers.answer(route, payload, errorType);
    let body = encodeMessage({ ...meta, type: answer.type }, answer.body);
    if (body.length > this.settings.maxFrameSize) {
      answer = errorAnswer(
        MessageType.RESPONDER_FAULT,
        'responder-fault',
        `the result is ${body.length} bytes, over the limit of ${this.settings.maxFrameSize}`,
        null,
        errorType,
      );
      body = encodeMessage({ ...meta, type: answer.type }, answer.body);
    }
    this.replyLink(link)?.send(body);
  }

  /** The link to answer on: the request's own, or the one that resumed its session. */
  private replyLink(origin: Link): Link | null {
    if (origin.isOpen) {
      return origin;
    }
    const current = this.link;
    if (current !== null && current.isOpen && this.session.same(origin, current)) {
      return current;
    }
    return null;
  }

  private async handleThrow(meta: Metadata, payload: Uint8Array): Promise<void> {
    const route = typeof meta.route === 'string' ? meta.route : null;
    const failure = await this.handlers.handleThrow(route, payload);
    if (failure !== null) {
      this.report(failure);
    }
  }

  private report(error: unknown): void {
    this.events.emit('error', error instanceof Error ? error : new Error(String(error)));
  }

  private setState(next: ClientState): void {
    const previous = this.current;
    if (previous === next) {
      return;
    }
    this.current = next;
    this.events.emit('state', next, previous);
  }
}

function checkTimeout(timeout: unknown): void {
  if (typeof timeout !== 'number' || !(timeout > 0) || !Number.isFinite(timeout)) {
    throw new RangeError(`a timeout must be a positive number of ms, not ${String(timeout)}`);
  }
}

function where(route: string | null): string {
  return route === null ? 'an unrouted call' : `route "${route}"`;
}
