import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import {
  controlFrame,
  decodeFrame,
  decodePayload,
  encodeMessage,
  encodePayload,
  ProtocolError,
} from '../dist/frame.js';

const text = (s) => new TextEncoder().encode(s);
const hex = (s) => Uint8Array.from(s.trim().split(/\s+/), (b) => parseInt(b, 16));
/** A stream frame of PROTOCOL 17 without its four-byte length prefix: a WebSocket message. */
const withoutPrefix = (bytes) => bytes.subarray(4);

function body(metaText, payloadText) {
  const meta = text(metaText);
  const payload = text(payloadText);
  const out = new Uint8Array(5 + meta.length + payload.length);
  out[0] = 0x0a;
  new DataView(out.buffer).setUint32(1, 4 + meta.length);
  out.set(meta, 5);
  out.set(payload, 5 + meta.length);
  return out;
}

describe('frame codec', () => {
  test('comm request of PROTOCOL 17.4 encodes to its bytes without the length prefix', () => {
    const expected = hex(`00 00 00 2b 0a 00 00 00 26 7b 22 69 64 22 3a 22 31 22 2c 22 74 79 70 65 22 3a 31 2c 22 72
      6f 75 74 65 22 3a 22 65 63 68 6f 22 7d 22 68 69 22`);
    const encoded = encodeMessage({ id: '1', type: 1, route: 'echo' }, encodePayload('hi'));
    assert.deepEqual(encoded, withoutPrefix(expected));
    assert.equal(encoded.length, 43);
  });

  test('communica request of PROTOCOL 17.4 with spaced JSON decodes', () => {
    const stream = hex(`00 00 00 3e 0a 00 00 00 39
      7b 22 69 64 22 3a 20 22 34 63 38 65 66 30 32 30 65 35 37 63 31 31 66 31 62 65 31 62 30 32 66 63
      30 30 30 30 30 30 30 31 22 2c 20 22 74 79 70 65 22 3a 20 31 7d 22 68 69 22`);
    assert.equal(stream.length, 66);
    const frame = decodeFrame(withoutPrefix(stream));
    assert.equal(frame.kind, 'message');
    assert.deepEqual(frame.meta, { id: '4c8ef020e57c11f1be1b02fc00000001', type: 1 });
    assert.equal(decodePayload(frame.payload), 'hi');
  });

  test('OK response of PROTOCOL 17.5 encodes to its bytes', () => {
    const expected = hex(`00 00 00 3c 0a 00 00 00 37
      7b 22 69 64 22 3a 22 34 63 38 65 66 30 32 30 65 35 37 63 31 31 66 31 62 65 31 62 30 32 66 63 30
      30 30 30 30 30 30 31 22 2c 22 74 79 70 65 22 3a 31 31 7d 22 68 69 22`);
    const encoded = encodeMessage({ id: '4c8ef020e57c11f1be1b02fc00000001', type: 11 }, text('"hi"'));
    assert.deepEqual(encoded, withoutPrefix(expected));
  });

  test('comm throw of PROTOCOL 17.6 encodes to its bytes', () => {
    const expected = hex(`00 00 00 3b 0a 00 00 00 24 7b 22 69 64 22 3a 22 22 2c 22 74 79 70 65 22 3a 32 2c 22 72 6f
      75 74 65 22 3a 22 6c 6f 67 22 7d 7b 22 6b 69 6e 64 22 3a 22 74 68 72 6f 77 22 2c 22 6e 22
      3a 31 7d`);
    const encoded = encodeMessage({ id: '', type: 2, route: 'log' }, encodePayload({ kind: 'throw', n: 1 }));
    assert.deepEqual(encoded, withoutPrefix(expected));
  });

  test('message frames round-trip with extra metadata keys in order', () => {
    const meta = { id: 'abc', type: 1, route: 'r', trace: 't-9', nested: { a: [1, 2] } };
    const payload = encodePayload({ x: 'ü', y: [null, true] });
    const frame = decodeFrame(encodeMessage(meta, payload));
    assert.deepEqual(frame.meta, meta);
    assert.deepEqual(Object.keys(frame.meta), ['id', 'type', 'route', 'trace', 'nested']);
    assert.deepEqual(decodePayload(frame.payload), { x: 'ü', y: [null, true] });
  });

  test('a message with an empty payload decodes to null', () => {
    const frame = decodeFrame(encodeMessage({ id: '', type: 60, instance: 'i' }, new Uint8Array()));
    assert.equal(frame.payload.length, 0);
    assert.equal(decodePayload(frame.payload), null);
  });

  test('undefined is sent as null, and unencodable values fail', () => {
    assert.equal(new TextDecoder().decode(encodePayload(undefined)), 'null');
    assert.throws(() => encodePayload(() => 1), TypeError);
    assert.throws(() => encodePayload(10n), TypeError);
  });

  test('control frames are one byte', () => {
    assert.deepEqual(controlFrame(0x14), Uint8Array.of(0x14));
    assert.deepEqual(decodeFrame(Uint8Array.of(0x14)), { kind: 'close-notify' });
    assert.deepEqual(decodeFrame(Uint8Array.of(0x1e)), { kind: 'ping' });
    assert.deepEqual(decodeFrame(Uint8Array.of(0x1f)), { kind: 'pong' });
  });

  test('a frame read from the middle of a larger buffer decodes', () => {
    const inner = encodeMessage({ id: '7', type: 11 }, text('42'));
    const outer = new Uint8Array(inner.length + 10);
    outer.set(inner, 3);
    const frame = decodeFrame(outer.subarray(3, 3 + inner.length));
    assert.deepEqual(frame.meta, { id: '7', type: 11 });
    assert.equal(decodePayload(frame.payload), 42);
  });

  const bad = {
    'an empty body': new Uint8Array(),
    'an unknown frame code': Uint8Array.of(0x63),
    'a chunk frame': Uint8Array.of(0x0b, 0, 0, 0, 4),
    'a message shorter than 5 bytes': Uint8Array.of(0x0a, 0, 0, 4),
    'meta_end below 4': Uint8Array.of(0x0a, 0, 0, 0, 3, 0x7b, 0x7d),
    'meta_end past the body': Uint8Array.of(0x0a, 0, 0, 0, 7, 0x7b, 0x7d),
    'meta_end read as unsigned': Uint8Array.of(0x0a, 0xff, 0xff, 0xff, 0xff, 0x7b, 0x7d),
    'metadata that is not JSON': body('{"id":', ''),
    'metadata that is not UTF-8': Uint8Array.of(0x0a, 0, 0, 0, 6, 0xff, 0xfe),
    'metadata that is an array': body('[1]', ''),
    'metadata without id': body('{"type":1}', ''),
    'an id that is not a string': body('{"id":1,"type":1}', ''),
    'metadata without type': body('{"id":"1"}', ''),
    'a type that is a string': body('{"id":"1","type":"1"}', ''),
    'a type that is a fraction': body('{"id":"1","type":1.5}', ''),
    'a type out of 32-bit range': body('{"id":"1","type":2147483648}', ''),
    'a route that is a number': body('{"id":"1","type":1,"route":5}', ''),
  };
  for (const [name, bytes] of Object.entries(bad)) {
    test(`${name} is a protocol error`, () => {
      assert.throws(() => decodeFrame(bytes), ProtocolError);
    });
  }

  test('a null route and the smallest 32-bit type are accepted', () => {
    assert.deepEqual(decodeFrame(body('{"id":"1","type":-2147483648,"route":null}', '')).meta, {
      id: '1',
      type: -2147483648,
      route: null,
    });
  });
});
