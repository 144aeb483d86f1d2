import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { classifyErrorResponse } from '../dist/errors.js';
import { CommConnectionLostError, CommError, CommRemoteError, CommTimeoutError } from '../dist/index.js';

const bytes = (value) => new TextEncoder().encode(typeof value === 'string' ? value : JSON.stringify(value));
const classify = (type, body, route = 'r') => classifyErrorResponse(type, bytes(body), route);

describe('error classification (PROTOCOL 10.3)', () => {
  test('an error member naming a known kind wins over the type', () => {
    const error = classify(51, { code: 7, message: 'nope', error: 'bad-payload' });
    assert.ok(error instanceof CommRemoteError);
    assert.ok(error instanceof CommError);
    assert.equal(error.kind, 'bad-payload');
    assert.equal(error.code, 7);
    assert.equal(error.message, 'nope');
    assert.equal(error.route, 'r');
  });

  test('each kind named by the error member is honoured', () => {
    for (const kind of ['no-route', 'requester-fault', 'bad-payload', 'handler-failed', 'responder-fault']) {
      assert.equal(classify(30, { code: null, message: 'm', error: kind }).kind, kind);
    }
  });

  test('an unknown error member falls back to the type', () => {
    assert.equal(classify(42, { message: 'm', error: 'weird' }).kind, 'bad-payload');
    assert.equal(classify(30, { code: null, message: 'm', error: 5 }).kind, 'handler-failed');
  });

  test("41 with communica's unknown-route text and no code is no-route", () => {
    const error = classify(41, { code: null, message: 'Route "nope" is not defined' }, 'nope');
    assert.equal(error.kind, 'no-route');
    assert.equal(error.code, null);
    assert.equal(error.message, 'Route "nope" is not defined');
  });

  test('41 with the unknown-route text of an unrouted call is no-route', () => {
    assert.equal(classify(41, { code: null, message: 'Route "null" is not defined' }, null).kind, 'no-route');
  });

  test('41 with the unknown-route text but a code is requester-fault', () => {
    const error = classify(41, { code: 3, message: 'Route "nope" is not defined' });
    assert.equal(error.kind, 'requester-fault');
    assert.equal(error.code, 3);
  });

  test('41 with any other text is requester-fault', () => {
    assert.equal(classify(41, { code: null, message: 'Message type 5 is not supported' }).kind, 'requester-fault');
    assert.equal(classify(41, { code: null, message: 'Route "x" is not defined!' }).kind, 'requester-fault');
  });

  test('42 is bad-payload, 30 handler-failed, 51 responder-fault', () => {
    assert.equal(classify(42, { message: 'not an int' }).kind, 'bad-payload');
    assert.equal(classify(30, { code: null, message: 'boom' }).kind, 'handler-failed');
    assert.equal(classify(51, { code: 429, message: 'busy' }).kind, 'responder-fault');
    assert.equal(classify(51, { code: 429, message: 'busy' }).code, 429);
  });

  test('other types of 12 or more are responder-fault', () => {
    for (const type of [12, 31, 43, 99, 1000]) {
      assert.equal(classify(type, { code: null, message: 'm' }).kind, 'responder-fault');
    }
  });

  test("communica's answer of a side without handlers is responder-fault", () => {
    const error = classify(51, { code: null, message: 'Client side did not define handler for server requests' });
    assert.equal(error.kind, 'responder-fault');
    assert.equal(error.message, 'Client side did not define handler for server requests');
  });

  test('a body that is not JSON gives its text as the message and no code', () => {
    const error = classify(30, 'plain failure text');
    assert.equal(error.kind, 'handler-failed');
    assert.equal(error.message, 'plain failure text');
    assert.equal(error.code, null);
  });

  test('a null or missing message gives the whole body as the message', () => {
    assert.equal(classify(51, '{"code":1,"message":null}').message, '{"code":1,"message":null}');
    assert.equal(classify(51, '{"code":1}').message, '{"code":1}');
  });

  test('a code that is not a number is null', () => {
    assert.equal(classify(41, { code: '7', message: 'm' }).code, null);
  });

  test('a JSON body that is not an object is read as an empty object', () => {
    const error = classify(41, '["Route \\"a\\" is not defined"]');
    assert.equal(error.kind, 'requester-fault');
    assert.equal(error.message, '["Route \\"a\\" is not defined"]');
  });

  test('local errors carry their kinds', () => {
    assert.equal(new CommTimeoutError('t').kind, 'timeout');
    assert.equal(new CommConnectionLostError('c').kind, 'connection-lost');
    assert.ok(new CommTimeoutError('t') instanceof CommError);
    assert.ok(new CommTimeoutError('t') instanceof Error);
  });
});
