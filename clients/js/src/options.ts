/**
 * The client's options, their defaults and their checks. A bad value fails in the
 * constructor with a message that names the option.
 */

import { type ReconnectOptions } from './backoff.js';
import { platformWebSocket, type WebSocketConstructor } from './socket.js';

export interface CommClientOptions {
  /** `ws://host:port/path`, `wss://…`, or a path such as `/comm` resolved against `location`. */
  url: string;
  /** A stable, non-empty identity, sent in every hello. */
  clientId: string;
  /** Default timeout of `request()` and `send()`, in ms; 30000 unless set. */
  requestTimeout?: number;
  /** Limit of one dial attempt (open, hellos, session message), in ms; 10000 unless set. */
  connectTimeout?: number;
  /** Heartbeat interval in ms; 0 turns this side's timer off (pings are still answered). 10000 unless set. */
  heartbeatInterval?: number;
  /** Back-off between dial attempts. */
  reconnect?: ReconnectOptions;
  /** Bearer token sent in the hello (PROTOCOL 5.7). */
  token?: string;
  /** WebSocket constructor; `globalThis.WebSocket` unless set. */
  WebSocket?: WebSocketConstructor;
  /** Largest frame body sent or accepted, in bytes; 16 MiB unless set. */
  maxFrameSize?: number;
}

export interface Settings {
  url: string;
  clientId: string;
  requestTimeout: number;
  connectTimeout: number;
  heartbeatInterval: number;
  reconnect: ReconnectOptions;
  token: string | undefined;
  WebSocket: WebSocketConstructor;
  maxFrameSize: number;
}

export function resolveSettings(options: CommClientOptions): Settings {
  if (options === null || typeof options !== 'object') {
    throw new TypeError('CommClient needs an options object with url and clientId');
  }
  if (typeof options.clientId !== 'string' || options.clientId.length === 0) {
    throw new TypeError('clientId must be a non-empty string');
  }
  if (options.token !== undefined && typeof options.token !== 'string') {
    throw new TypeError('token must be a string when set');
  }
  const WebSocket = options.WebSocket ?? platformWebSocket();
  if (typeof WebSocket !== 'function') {
    throw new TypeError(
      'no WebSocket: pass the WebSocket option, or use Node 22+ (Node 20.10+ with --experimental-websocket) or a browser',
    );
  }
  return {
    url: resolveUrl(options.url),
    clientId: options.clientId,
    requestTimeout: positive('requestTimeout', options.requestTimeout, 30000),
    connectTimeout: positive('connectTimeout', options.connectTimeout, 10000),
    heartbeatInterval: nonNegative('heartbeatInterval', options.heartbeatInterval, 10000),
    reconnect: { ...options.reconnect },
    token: options.token,
    WebSocket,
    maxFrameSize: positive('maxFrameSize', options.maxFrameSize, 16 * 1024 * 1024, 'bytes'),
  };
}

/**
 * Resolves a path against the page's location, and maps `http:` to `ws:` and `https:` to
 * `wss:`. The result has a `ws:` or `wss:` scheme.
 */
export function resolveUrl(url: string, base: string | undefined = pageLocation()): string {
  if (typeof url !== 'string' || url.trim().length === 0) {
    throw new TypeError('url must be a ws:// or wss:// URL, or a path such as /comm');
  }
  let parsed: URL;
  try {
    parsed = base === undefined ? new URL(url) : new URL(url, base);
  } catch {
    throw new TypeError(
      base === undefined
        ? `url '${url}' is not absolute and there is no location to resolve it against: use ws://host:port/path`
        : `url '${url}' is not a URL`,
    );
  }
  if (parsed.protocol === 'http:') {
    parsed.protocol = 'ws:';
  } else if (parsed.protocol === 'https:') {
    parsed.protocol = 'wss:';
  }
  if (parsed.protocol !== 'ws:' && parsed.protocol !== 'wss:') {
    throw new TypeError(`url '${url}' must use ws: or wss:, not ${parsed.protocol}`);
  }
  parsed.hash = '';
  return parsed.href;
}

function pageLocation(): string | undefined {
  const location = (globalThis as { location?: { href?: string } }).location;
  return typeof location?.href === 'string' ? location.href : undefined;
}

function positive(name: string, value: number | undefined, fallback: number, unit = 'ms'): number {
  if (value === undefined) {
    return fallback;
  }
  if (typeof value !== 'number' || !(value > 0) || !Number.isFinite(value)) {
    throw new RangeError(`${name} must be a positive number of ${unit}, not ${String(value)}`);
  }
  return value;
}

function nonNegative(name: string, value: number | undefined, fallback: number): number {
  if (value === undefined) {
    return fallback;
  }
  if (typeof value !== 'number' || !(value >= 0) || !Number.isFinite(value)) {
    throw new RangeError(`${name} must be 0 or a positive number of ms, not ${String(value)}`);
  }
  return value;
}
