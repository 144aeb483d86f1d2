/**
 * The frame codec of the WebSocket mapping: one binary WebSocket message is one frame body
 * (PROTOCOL 6.2, 6.3), without the stream's length prefix.
 */

/** Frame codes (PROTOCOL 6.2). */
export const FrameCode = {
  MESSAGE: 0x0a,
  CHUNK: 0x0b,
  CLOSE_NOTIFY: 0x14,
  PING: 0x1e,
  PONG: 0x1f,
} as const;

/** Message types (PROTOCOL 8). */
export const MessageType = {
  REQUEST: 1,
  THROW: 2,
  OK: 11,
  HANDLER_FAILED: 30,
  REQUESTER_FAULT: 41,
  BAD_PAYLOAD: 42,
  RESPONDER_FAULT: 51,
  SESSION: 60,
} as const;

/** Message metadata (PROTOCOL 7.1): `id`, `type`, an optional `route` and any other keys. */
export interface Metadata {
  id: string;
  type: number;
  route?: string | null;
  [key: string]: unknown;
}

export type Frame =
  | { kind: 'message'; meta: Metadata; payload: Uint8Array }
  | { kind: 'close-notify' }
  | { kind: 'ping' }
  | { kind: 'pong' };

/** Bad input from the peer: the link that read it closes (PROTOCOL 12.2). */
export class ProtocolError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ProtocolError';
  }
}

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true });

/** The size of a message frame body for already encoded metadata and payload (PROTOCOL 12.3). */
export function messageBodySize(metaBytes: Uint8Array, payload: Uint8Array): number {
  return 1 + 4 + metaBytes.length + payload.length;
}

/** Compact UTF-8 JSON of a metadata object, keys in insertion order. */
export function encodeMetadata(meta: Metadata): Uint8Array {
  return encoder.encode(JSON.stringify(meta));
}

/** Writes `0x0A`, `u32 meta_end`, metadata, payload. */
export function encodeMessageBody(metaBytes: Uint8Array, payload: Uint8Array): Uint8Array {
  const body = new Uint8Array(messageBodySize(metaBytes, payload));
  body[0] = FrameCode.MESSAGE;
  new DataView(body.buffer).setUint32(1, 4 + metaBytes.length, false);
  body.set(metaBytes, 5);
  body.set(payload, 5 + metaBytes.length);
  return body;
}

/** Encodes a message frame body from metadata and payload bytes. */
export function encodeMessage(meta: Metadata, payload: Uint8Array): Uint8Array {
  return encodeMessageBody(encodeMetadata(meta), payload);
}

/** The one-byte body of a control frame: close notify, ping or pong. */
export function controlFrame(code: 0x14 | 0x1e | 0x1f): Uint8Array {
  return Uint8Array.of(code);
}

/** Decodes one frame body, or throws {@link ProtocolError} for anything PROTOCOL 12.2 closes on. */
export function decodeFrame(body: Uint8Array): Frame {
  if (body.length === 0) {
    throw new ProtocolError('empty frame');
  }
  const code = body[0];
  switch (code) {
    case FrameCode.MESSAGE:
      return decodeMessage(body);
    case FrameCode.CLOSE_NOTIFY:
      return { kind: 'close-notify' };
    case FrameCode.PING:
      return { kind: 'ping' };
    case FrameCode.PONG:
      return { kind: 'pong' };
    case FrameCode.CHUNK:
      throw new ProtocolError('chunk frames (0x0b) are not supported');
    default:
      throw new ProtocolError(`unknown frame code 0x${hex(code)}`);
  }
}

function decodeMessage(body: Uint8Array): Frame {
  if (body.length < 5) {
    throw new ProtocolError(`message frame of ${body.length} bytes, at least 5 expected`);
  }
  const metaEnd = new DataView(body.buffer, body.byteOffset, body.byteLength).getUint32(1, false);
  if (metaEnd < 4 || metaEnd > body.length - 1) {
    throw new ProtocolError(`meta_end ${metaEnd} out of range for a body of ${body.length} bytes`);
  }
  const meta = parseMetadata(body.subarray(5, 1 + metaEnd));
  return { kind: 'message', meta, payload: body.subarray(1 + metaEnd) };
}

function parseMetadata(bytes: Uint8Array): Metadata {
  let value: unknown;
  try {
    value = JSON.parse(decoder.decode(bytes));
  } catch {
    throw new ProtocolError('metadata is not UTF-8 JSON');
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new ProtocolError('metadata is not a JSON object');
  }
  const meta = value as Record<string, unknown>;
  if (typeof meta['id'] !== 'string') {
    throw new ProtocolError('metadata id is missing or not a string');
  }
  const type = meta['type'];
  if (typeof type !== 'number' || !Number.isInteger(type) || type < -2147483648 || type > 2147483647) {
    throw new ProtocolError('metadata type is missing or not a 32-bit integer');
  }
  const route = meta['route'];
  if (route !== undefined && route !== null && typeof route !== 'string') {
    throw new ProtocolError('metadata route is neither a string nor null');
  }
  return meta as Metadata;
}

/** UTF-8 JSON of a payload; `undefined` is sent as `null` (PROTOCOL 15). */
export function encodePayload(value: unknown): Uint8Array {
  const text = JSON.stringify(value === undefined ? null : value);
  if (text === undefined) {
    throw new TypeError(`a ${typeof value} cannot be sent as JSON`);
  }
  return encoder.encode(text);
}

/** Parses a JSON payload; an empty payload is `null` (PROTOCOL 15). Throws on bad JSON. */
export function decodePayload(bytes: Uint8Array): unknown {
  if (bytes.length === 0) {
    return null;
  }
  return JSON.parse(decoder.decode(bytes));
}

function hex(value: number): string {
  return value.toString(16).padStart(2, '0');
}
