/**
 * The error family of the client: one base class, {@link CommError}, whose `kind` says what
 * went wrong, and one subclass per outcome a caller may want to tell apart.
 */

/** The kinds a responder reports (PROTOCOL 10.2), as Java's `CommErrorKind` wire names. */
export type CommRemoteErrorKind =
  | 'no-route'
  | 'requester-fault'
  | 'bad-payload'
  | 'handler-failed'
  | 'responder-fault';

/**
 * Every kind of {@link CommError}: the remote kinds, and those raised on this side.
 * `too-large` and `encode` fail a call before anything is written (PROTOCOL 12.3).
 */
export type CommErrorKind =
  | CommRemoteErrorKind
  | 'timeout'
  | 'connection-lost'
  | 'closed'
  | 'protocol'
  | 'too-large'
  | 'encode';

const REMOTE_KINDS: ReadonlySet<string> = new Set([
  'no-route',
  'requester-fault',
  'bad-payload',
  'handler-failed',
  'responder-fault',
]);

/** Whether a string names one of the five remote error kinds. */
export function isRemoteKind(value: unknown): value is CommRemoteErrorKind {
  return typeof value === 'string' && REMOTE_KINDS.has(value);
}

/** The root of every error this client raises. */
export class CommError extends Error {
  readonly kind: CommErrorKind;

  constructor(kind: CommErrorKind, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.kind = kind;
    this.name = 'CommError';
  }
}

/**
 * A responder answered with an error (types 30, 41, 42, 51). A handler may also throw one
 * with kind `requester-fault` or `responder-fault` to answer with that kind and code.
 */
export class CommRemoteError extends CommError {
  declare readonly kind: CommRemoteErrorKind;

  /** The code the responder gave, or null. */
  readonly code: number | null;

  /** The route of the request, or null for an unrouted one. */
  readonly route: string | null;

  constructor(
    kind: CommRemoteErrorKind,
    message: string,
    options: { code?: number | null; route?: string | null; cause?: unknown } = {},
  ) {
    super(kind, message, { cause: options.cause });
    this.code = options.code ?? null;
    this.route = options.route ?? null;
    this.name = 'CommRemoteError';
  }
}

/** A call did not end within its timeout, or the client did not open a link in time. */
export class CommTimeoutError extends CommError {
  declare readonly kind: 'timeout';

  constructor(message: string) {
    super('timeout', message);
    this.name = 'CommTimeoutError';
  }
}

/** The link a request was waiting on ended before the response arrived. */
export class CommConnectionLostError extends CommError {
  declare readonly kind: 'connection-lost';

  constructor(message: string, options?: { cause?: unknown }) {
    super('connection-lost', message, options);
    this.name = 'CommConnectionLostError';
  }
}

/** The client was closed: by `close()` before the call ended, or before the call was made. */
export class CommClosedError extends CommError {
  declare readonly kind: 'closed';

  constructor(message: string) {
    super('closed', message);
    this.name = 'CommClosedError';
  }
}

const NO_ROUTE_TEXT = /^Route ".*" is not defined$/s;

/**
 * Turns a received error response into a {@link CommRemoteError}, by PROTOCOL 10.3: an
 * `error` member that names a known kind wins, even when `error-type` was not agreed;
 * otherwise the response type decides, with communica's unknown-route text read as
 * `no-route`.
 */
export function classifyErrorResponse(
  type: number,
  body: Uint8Array,
  route: string | null,
): CommRemoteError {
  const text = new TextDecoder().decode(body);
  let parsed: unknown = null;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = null;
  }
  const object: Record<string, unknown> =
    parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed)
      ? (parsed as Record<string, unknown>)
      : {};
  const rawMessage = object['message'];
  const message =
    rawMessage === undefined || rawMessage === null
      ? text
      : typeof rawMessage === 'string'
        ? rawMessage
        : JSON.stringify(rawMessage);
  const rawCode = object['code'];
  const code = typeof rawCode === 'number' ? rawCode : null;
  const named = object['error'];
  let kind: CommRemoteErrorKind;
  if (isRemoteKind(named)) {
    kind = named;
  } else if (type === 41) {
    kind = code === null && NO_ROUTE_TEXT.test(message) ? 'no-route' : 'requester-fault';
  } else if (type === 42) {
    kind = 'bad-payload';
  } else if (type === 30) {
    kind = 'handler-failed';
  } else {
    kind = 'responder-fault';
  }
  return new CommRemoteError(kind, message, { code, route });
}
