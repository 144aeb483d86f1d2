/**
 * comm's JavaScript client: requests, throws and handlers over comm's WebSocket mapping, in
 * browsers and in Node.
 */

export {
  CommClient,
  FEATURES,
  type CallOptions,
  type ClientState,
  type CloseEvent,
  type OpenEvent,
} from './client.js';
export {
  CommClosedError,
  CommConnectionLostError,
  CommError,
  CommRemoteError,
  CommTimeoutError,
  type CommErrorKind,
  type CommRemoteErrorKind,
} from './errors.js';
export type { CallInfo, Handler } from './handlers.js';
export type { SessionInfo } from './link.js';
export type { CommClientOptions } from './options.js';
export type { ReconnectOptions } from './backoff.js';
export type { WebSocketConstructor, WebSocketLike } from './socket.js';
