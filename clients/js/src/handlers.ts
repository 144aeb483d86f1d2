/**
 * The client's handlers for calls from the server, and how their outcome becomes a response
 * (PROTOCOL 9.4, 10.1, 10.2).
 */

import { CommRemoteError, type CommRemoteErrorKind } from './errors.js';
import { decodePayload, encodePayload, MessageType } from './frame.js';

/** What a handler learns about the call besides its payload. */
export interface CallInfo {
  /** The route of the call, or null for an unrouted one. */
  route: string | null;
}

/** Handles a request or throw from the server; the value it returns (or resolves) is the answer. */
export type Handler = (payload: unknown, call: CallInfo) => unknown;

/** A response to write: its type and body. */
export interface Answer {
  type: number;
  body: Uint8Array;
}

export class Handlers {
  private readonly routes = new Map<string, Handler>();

  private fallback: Handler | null = null;

  add(route: string, handler: Handler): void {
    if (typeof route !== 'string' || route.length === 0) {
      throw new TypeError('a route must be a non-empty string');
    }
    checkFunction(handler);
    if (this.routes.has(route)) {
      throw new TypeError(`route "${route}" already has a handler`);
    }
    this.routes.set(route, handler);
  }

  setFallback(handler: Handler): void {
    checkFunction(handler);
    this.fallback = handler;
  }

  find(route: string | null): Handler | null {
    return (route === null ? undefined : this.routes.get(route)) ?? this.fallback;
  }

  /**
   * Runs the handler of a request and says what to answer. The route is checked before the
   * payload, so an unknown route answers 41, never 42.
   */
  async answer(route: string | null, payload: Uint8Array, errorType: boolean): Promise<Answer> {
    const handler = this.find(route);
    if (handler === null) {
      return errorAnswer(MessageType.REQUESTER_FAULT, 'no-route', `Route "${route}" is not defined`, null, errorType);
    }
    let value: unknown;
    try {
      value = decodePayload(payload);
    } catch (error) {
      return errorAnswer(MessageType.BAD_PAYLOAD, 'bad-payload', `the payload is not JSON: ${text(error)}`, undefined, errorType);
    }
    let result: unknown;
    try {
      result = await handler(value, { route });
    } catch (error) {
      return failureAnswer(error, errorType);
    }
    try {
      return { type: MessageType.OK, body: encodePayload(result) };
    } catch (error) {
      return errorAnswer(
        MessageType.RESPONDER_FAULT,
        'responder-fault',
        `the result cannot be encoded as JSON: ${text(error)}`,
        null,
        errorType,
      );
    }
  }

  /** Runs the handler of a throw; resolves with the failure to report, or null. */
  async handleThrow(route: string | null, payload: Uint8Array): Promise<Error | null> {
    const handler = this.find(route);
    if (handler === null) {
      return new CommRemoteError('no-route', `a throw to route "${route}" has no handler`, { route });
    }
    try {
      await handler(decodePayload(payload), { route });
      return null;
    } catch (error) {
      return error instanceof Error ? error : new Error(text(error));
    }
  }
}

/** The body of an error response: `code` and `message`, `message` alone for 42, `error` if agreed. */
export function errorAnswer(
  type: number,
  kind: CommRemoteErrorKind,
  message: string,
  code: number | null | undefined,
  errorType: boolean,
): Answer {
  const body: Record<string, unknown> = code === undefined ? { message } : { code, message };
  if (errorType) {
    body['error'] = kind;
  }
  return { type, body: encodePayload(body) };
}

function failureAnswer(error: unknown, errorType: boolean): Answer {
  if (error instanceof CommRemoteError && error.kind === 'requester-fault') {
    return errorAnswer(MessageType.REQUESTER_FAULT, 'requester-fault', error.message, error.code, errorType);
  }
  if (error instanceof CommRemoteError && error.kind === 'responder-fault') {
    return errorAnswer(MessageType.RESPONDER_FAULT, 'responder-fault', error.message, error.code, errorType);
  }
  return errorAnswer(MessageType.HANDLER_FAILED, 'handler-failed', text(error), null, errorType);
}

function checkFunction(handler: unknown): void {
  if (typeof handler !== 'function') {
    throw new TypeError('a handler must be a function');
  }
}

function text(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
