import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import {
  CommClient,
  CommConnectionLostError,
  CommError,
  CommRemoteError,
  CommTimeoutError,
} from '../dist/index.js';
import { FakeNetwork, sleep } from './fake-websocket.mjs';
import { guardEscapes, openClient, rejection, startClient } from './helpers.mjs';

guardEscapes();

describe('hello', () => {
  test('the hello is the first message, as text, with client id, version and features', async (t) => {
    const { client, network } = startClient({ clientId: 'page-7' });
    t.after(() => client.close());
    const server = await network.accept();
    const first = await server.next();
    assert.equal(typeof first, 'string');
    const hello = JSON.parse(first);
    assert.match(hello.comm.sender.id, /^[0-9a-f]{16}$/);
    assert.deepEqual(hello, {
      client_id: 'page-7',
      comm: { version: 1, features: ['heartbeat', 'error-type', 'session'], sender: { id: hello.comm.sender.id, received: 0 } },
    });
    assert.equal(server.socket.binaryType, 'arraybuffer');
    assert.equal(network.dials[0].url, 'ws://127.0.0.1:8080/comm');
  });

  test('a token travels as bearer auth in the comm object', async (t) => {
    const { client, network } = startClient({ token: 's3cret' });
    t.after(() => client.close());
    const server = await network.accept();
    const hello = JSON.parse(await server.nextText());
    assert.deepEqual(hello.comm.auth, { scheme: 'bearer', token: 's3cret' });
  });

  test('the client opens on the hello when the server announces no session', async (t) => {
    const { client, network } = startClient();
    t.after(() => client.close());
    const opened = new Promise((resolve) => client.on('open', resolve));
    const server = await network.accept();
    await server.handshake({ features: ['error-type'] });
    const event = await opened;
    assert.deepEqual(event.features, ['error-type']);
    assert.equal(event.session, null);
    assert.equal(client.state, 'open');
  });

  test('a communica server hello without comm agrees on nothing and still opens', async (t) => {
    const { client, network } = startClient();
    t.after(() => client.close());
    const server = await network.accept();
    await server.nextText();
    server.sendText('{"hello": "hello"}');
    await client.ready(1000);
    const reply = client.request('echo', 'hi');
    const { meta } = await server.nextMessage();
    server.sendMessage({ ...meta, type: 11 }, 'hi');
    assert.equal(await reply, 'hi');
  });
});

describe('requests and throws', () => {
  test('a request carries a 32-hex id, type 1, its route and JSON payload, and resolves with the reply', async (t) => {
    const { client, server } = await openClient();
    t.after(() => client.close());
    const reply = client.request('orders.quote', { item: 'tea' });
    const { meta, payload } = await server.nextMessage();
    assert.match(meta.id, /^[0-9a-f]{32}$/);
    assert.deepEqual(Object.keys(meta), ['id', 'type', 'route']);
    assert.equal(meta.type, 1);
    assert.equal(meta.route, 'orders.quote');
    assert.deepEqual(payload, { item: 'tea' });
    server.sendMessage({ ...meta, type: 11 }, { price: 3 });
    assert.deepEqual(await reply, { price: 3 });
  });

  test('ids never repeat', async (t) => {
    const { client, server } = await openClient();
    t.after(() => client.close());
    const replies = [client.request('a', 1), client.request('a', 2), client.request('a', 3)];
    const ids = new Set();
    for (let i = 0; i < 3; i += 1) {
      const { meta, payload } = await server.nextMessage();
      ids.add(meta.id);
      server.sendMessage({ ...meta, type: 11 }, payload * 10);
    }
    assert.equal(ids.size, 3);
    assert.deepEqual(await Promise.all(replies), [10, 20, 30]);
  });

  test('responses in any order reach their own requests', async (t) => {
    const { client, server } = await openClient();
    t.after(() => client.close());
    const first = client.request('a', 'first');
    const second = client.request('a', 'second');
    const one = await server.nextMessage();
    const two = await server.nextMessage();
    server.sendMessage({ ...two.meta, type: 11 }, 'reply to second');
    server.sendMessage({ ...one.meta, type: 11 }, 'reply to first');
    assert.equal(await first, 'reply to first');
    assert.equal(await second, 'reply to second');
  });

  test('an unrouted request has no route key; undefined is sent as null; an empty reply is null', async (t) => {
    const { client, server } = await openClient();
    t.after(() => client.close());
    const reply = client.request(null);
    const { meta, payload } = await server.nextMessage();
    assert.deepEqual(Object.keys(meta), ['id', 'type']);
    assert.equal(payload, null);
    server.sendMessage({ ...meta, type: 11 }, new Uint8Array());
    assert.equal(await reply, null);
  });

  test('a throw has an empty id and type 2, and resolves once written', async (t) => {
    const { client, server } = await openClient();
    t.after(() => client.close());
    await client.send('audit', { event: 'paid' });
    const { meta, payload } = await server.nextMessage();
    assert.deepEqual(meta, { id: '', type: 2, route: 'audit' });
    assert.deepEqual(payload, { event: 'paid' });
  });

  test('a response with an unknown id is dropped and the link stays open', async (t) => {
    const { client, server } = await openClient();
    t.after(() => client.close());
    server.sendMessage({ id: 'nobody', type: 11 }, 1);
    const reply = client.request('a', 0);
    const { meta } = await server.nextMessage();
    server.sendMessage({ ...meta, type: 11 }, 'ok');
    assert.equal(await reply, 'ok');
    assert.equal(client.state, 'open');
  });

  test('error responses reject with CommRemoteError of the classified kind, code and route', async (t) => {
    const { client, server } = await openClient();
    t.after(() => client.close());
    const cases = [
      [41, { code: null, message: 'Route "r" is not defined' }, 'no-route', null],
      [41, { code: 400, message: 'bad order', error: 'requester-fault' }, 'requester-fault', 400],
      [42, { message: 'not a number' }, 'bad-payload', null],
      [30, { code: null, message: 'boom' }, 'handler-failed', null],
      [51, { code: 429, message: 'busy' }, 'responder-fault', 429],
      [51, { code: null, message: 'Client side did not define handler for server requests' }, 'responder-fault', null],
      [77, { code: null, message: 'odd' }, 'responder-fault', null],
    ];
    for (const [type, body, kind, code] of cases) {
      const reply = client.request('r', 1);
      const { meta } = await server.nextMessage();
      server.sendMessage({ ...meta, type }, body);
      const error = await rejection(reply);
      assert.ok(error instanceof CommRemoteError, `type ${type}`);
      assert.equal(error.kind, kind, `type ${type}`);
      assert.equal(error.code, code, `type ${type}`);
      assert.equal(error.route, 'r');
      assert.equal(error.message, body.message);
    }
  });

  test('a request over maxFrameSize fails at once with too-large and nothing is written', async (t) => {
    const { client, server } = await openClient({ maxFrameSize: 100 });
    t.after(() => client.close());
    const error = await rejection(client.request('big', 'x'.repeat(200)));
    assert.ok(error instanceof CommError);
    assert.equal(error.kind, 'too-large');
    assert.match(error.message, /maxFrameSize \(100\)/);
    assert.ok(await server.silentFor(50));
    assert.equal(client.state, 'open');
  });

  test('a payload that is not JSON fails with encode', async (t) => {
    const { client } = await openClient();
    t.after(() => client.close());
    const error = await rejection(client.request('a', 1n));
    assert.equal(error.kind, 'encode');
  });

  test('bad arguments reject, never throw', async (t) => {
    const { client } = await openClient();
    t.after(() => client.close());
    assert.ok((await rejection(client.request('', 1))) instanceof TypeError);
    assert.ok((await rejection(client.request('a', 1, { timeout: 0 }))) instanceof RangeError);
    assert.ok((await rejection(client.send(5, 1))) instanceof TypeError);
  });
});

describe('timeouts', () => {
  test('a request without a response rejects with CommTimeoutError, and a late response is dropped', async (t) => {
    const { client, server } = await openClient();
    t.after(() => client.close());
    const started = performance.now();
    const error = await rejection(client.request('slow', 1, { timeout: 60 }));
    const waited = performance.now() - started;
    assert.ok(error instanceof CommTimeoutError);
    assert.equal(error.kind, 'timeout');
    assert.match(error.message, /route "slow".*60 ms/);
    assert.ok(waited >= 55 && waited < 500, `waited ${waited} ms`);
    const { meta } = await server.nextMessage();
    server.sendMessage({ ...meta, type: 11 }, 'late');
    const next = client.request('after', 2);
    const second = await server.nextMessage();
    server.sendMessage({ ...second.meta, type: 11 }, 'fine');
    assert.equal(await next, 'fine');
  });

  test('a request made while no link is open waits for the link, then goes out', async (t) => {
    const network = new FakeNetwork();
    network.mode = 'hang';
    const client = new CommClient({ url: 'ws://h:1/comm', clientId: 'c', WebSocket: network.WebSocket, connectTimeout: 50,
      reconnect: { initialDelay: 10, maxDelay: 10 }, heartbeatInterval: 0 });
    t.after(() => client.close());
    client.on('error', () => {});
    const reply = client.request('a', 'queued', { timeout: 2000 });
    const thrown = client.send('t', 'queued throw', { timeout: 2000 });
    client.start();
    await sleep(80);
    network.mode = 'accept';
    const server = await network.accept();
    await server.handshake();
    const request = await server.nextMessage();
    const throwMessage = await server.nextMessage();
    assert.equal(request.payload, 'queued');
    assert.equal(throwMessage.meta.type, 2);
    await thrown;
    server.sendMessage({ ...request.meta, type: 11 }, 'done');
    assert.equal(await reply, 'done');
  });

  test('a request and a throw made while no link opens end with CommTimeoutError', async (t) => {
    const { client } = startClient({}, 'fail');
    t.after(() => client.close());
    const request = rejection(client.request('a', 1, { timeout: 50 }));
    const thrown = rejection(client.send('a', 1, { timeout: 50 }));
    const [requestError, throwError] = await Promise.all([request, thrown]);
    assert.ok(requestError instanceof CommTimeoutError);
    assert.match(requestError.message, /no link opened/);
    assert.ok(throwError instanceof CommTimeoutError);
  });

  test('ready() rejects with CommTimeoutError when no link opens in time', async (t) => {
    const { client } = startClient({}, 'hang');
    t.after(() => client.close());
    assert.ok((await rejection(client.ready(30))) instanceof CommTimeoutError);
  });

  test('a request that is not started waits and times out', async () => {
    const network = new FakeNetwork();
    const client = new CommClient({ url: 'ws://h:1/comm', clientId: 'c', WebSocket: network.WebSocket });
    assert.equal(client.state, 'idle');
    assert.ok((await rejection(client.request('a', 1, { timeout: 20 }))) instanceof CommTimeoutError);
    assert.equal(network.dials.length, 0);
    await client.close();
  });
});

describe('calls from the server', () => {
  test('a request is answered by its handler, with the metadata echoed and only the type replaced', async (t) => {
    const { client, server } = await openClient();
    t.after(() => client.close());
    const calls = [];
    client.handle('greet', async (payload, call) => {
      calls.push(call);
      return `hello ${payload.name}`;
    });
    server.sendMessage({ id: 's1', type: 1, route: 'greet', trace: 't-9' }, { name: 'ann' });
    const { meta, payload } = await server.nextMessage();
    assert.deepEqual(meta, { id: 's1', type: 11, route: 'greet', trace: 't-9' });
    assert.deepEqual(Object.keys(meta), ['id', 'type', 'route', 'trace']);
    assert.equal(payload, 'hello ann');
    assert.deepEqual(calls, [{ route: 'greet' }]);
  });

  test('a handler that returns nothing answers null', async (t) => {
    const { client, server } = await openClient();
    t.after(() => client.close());
    client.handle('void', () => {});
    server.sendMessage({ id: 's2', type: 1, route: 'void' }, 1);
    const { meta, payload, bytes } = await server.nextMessage();
    assert.equal(meta.type, 11);
    assert.equal(payload, null);
    assert.equal(new TextDecoder().decode(bytes.subarray(bytes.length - 4)), 'null');
  });

  test('the fallback answers unknown routes and unrouted requests', async (t) => {
    const { client, server } = await openClient();
    t.after(() => client.close());
    client.handle('known', () => 'known');
    client.handleUnmatched((payload, call) => ({ payload, route: call.route }));
    server.sendMessage({ id: 'a', type: 1, route: 'other' }, 5);
    server.sendMessage({ id: 'b', type: 1 }, 6);
    server.sendMessage({ id: 'c', type: 1, route: 'known' }, 7);
    const answers = {};
    for (let i = 0; i < 3; i += 1) {
      const { meta, payload } = await server.nextMessage();
      answers[meta.id] = payload;
    }
    assert.deepEqual(answers, { a: { payload: 5, route: 'other' }, b: { payload: 6, route: null }, c: 'known' });
  });

  test('an unknown route answers 41 with the normative text, and the kind when error-type is agreed', async (t) => {
    const { client, server } = await openClient();
    t.after(() => client.close());
    server.sendMessage({ id: 'n1', type: 1, route: 'nope' }, 'hi');
    const { meta, payload } = await server.nextMessage();
    assert.deepEqual(meta, { id: 'n1', type: 41, route: 'nope' });
    assert.deepEqual(payload, { code: null, message: 'Route "nope" is not defined', error: 'no-route' });
    server.sendMessage({ id: 'n2', type: 1 }, 'hi');
    assert.deepEqual((await server.nextMessage()).payload.message, 'Route "null" is not defined');
  });

  test('without error-type agreed an error body has no error member', async (t) => {
    const { client, server } = await openClient({}, { features: ['heartbeat'] });
    t.after(() => client.close());
    server.sendMessage({ id: 'n1', type: 1, route: 'nope' }, 'hi');
    const { payload, bytes } = await server.nextMessage();
    assert.deepEqual(payload, { code: null, message: 'Route "nope" is not defined' });
    assert.equal(
      new TextDecoder().decode(bytes.subarray(5 + 36)),
      '{"code":null,"message":"Route \\"nope\\" is not defined"}',
    );
  });

  test('handler failures answer 41, 51 or 30 by what they threw', async (t) => {
    const { client, server } = await openClient();
    t.after(() => client.close());
    client.handle('requester', () => {
      throw new CommRemoteError('requester-fault', 'bad order', { code: 400 });
    });
    client.handle('responder', async () => {
      throw new CommRemoteError('responder-fault', 'db down', { code: 503 });
    });
    client.handle('other-remote', () => {
      throw new CommRemoteError('no-route', 'not mine');
    });
    client.handle('plain', () => {
      throw new Error('kaboom');
    });
    client.handle('string', () => Promise.reject('just text'));
    const expected = {
      requester: [41, { code: 400, message: 'bad order', error: 'requester-fault' }],
      responder: [51, { code: 503, message: 'db down', error: 'responder-fault' }],
      'other-remote': [30, { code: null, message: 'not mine', error: 'handler-failed' }],
      plain: [30, { code: null, message: 'kaboom', error: 'handler-failed' }],
      string: [30, { code: null, message: 'just text', error: 'handler-failed' }],
    };
    for (const route of Object.keys(expected)) {
      server.sendMessage({ id: route, type: 1, route }, null);
    }
    for (let i = 0; i < Object.keys(expected).length; i += 1) {
      const { meta, payload } = await server.nextMessage();
      const [type, body] = expected[meta.id];
      assert.equal(meta.type, type, meta.id);
      assert.deepEqual(payload, body, meta.id);
    }
  });

  test('a payload that is not JSON answers 42, and an unknown route is checked first', async (t) => {
    const { client, server } = await openClient();
    t.after(() => client.close());
    client.handle('json', (payload) => payload);
    server.sendMessage({ id: 'p1', type: 1, route: 'json' }, new TextEncoder().encode('{nope'));
    const bad = await server.nextMessage();
    assert.equal(bad.meta.type, 42);
    assert.deepEqual(Object.keys(bad.payload), ['message', 'error']);
    assert.equal(bad.payload.error, 'bad-payload');
    server.sendMessage({ id: 'p2', type: 1, route: 'missing' }, new TextEncoder().encode('{nope'));
    assert.equal((await server.nextMessage()).meta.type, 41);
  });

  test('a result that cannot be encoded or is over the limit answers 51', async (t) => {
    const { client, server } = await openClient({ maxFrameSize: 200 });
    t.after(() => client.close());
    client.handle('bigint', () => 1n);
    client.handle('huge', () => 'y'.repeat(500));
    server.sendMessage({ id: 'b1', type: 1, route: 'bigint' }, null);
    server.sendMessage({ id: 'b2', type: 1, route: 'huge' }, null);
    const first = await server.nextMessage();
    const second = await server.nextMessage();
    assert.equal(first.meta.type, 51);
    assert.equal(first.payload.error, 'responder-fault');
    assert.equal(second.meta.type, 51);
    assert.match(second.payload.message, /over the limit of 200/);
  });

  test('a throw runs its handler and is never answered, even when the handler fails', async (t) => {
    const { client, server, errors } = await openClient();
    t.after(() => client.close());
    const seen = [];
    client.handle('note', (payload) => {
      seen.push(payload);
      throw new Error('handler of a throw failed');
    });
    server.sendMessage({ id: '', type: 2, route: 'note' }, { n: 1 });
    server.sendMessage({ id: 'weird-id', type: 2, route: 'note' }, { n: 2 });
    server.sendMessage({ id: '', type: 2, route: 'unknown' }, { n: 3 });
    assert.ok(await server.silentFor(60));
    assert.deepEqual(seen, [{ n: 1 }, { n: 2 }]);
    assert.equal(errors.length, 3);
    assert.match(errors[2].message, /unknown/);
  });

  test('an unsupported type with an id answers 41; with an empty id it is dropped', async (t) => {
    const { client, server } = await openClient();
    t.after(() => client.close());
    server.sendMessage({ id: '', type: 5, route: 'x' }, null);
    server.sendMessage({ id: 'u1', type: 0, route: 'x', extra: 1 }, null);
    const { meta, payload } = await server.nextMessage();
    assert.deepEqual(meta, { id: 'u1', type: 41, route: 'x', extra: 1 });
    assert.deepEqual(payload, { code: null, message: 'Message type 0 is not supported', error: 'requester-fault' });
    assert.ok(await server.silentFor(30));
  });

  test('a route has one handler', async (t) => {
    const { client } = await openClient();
    t.after(() => client.close());
    client.handle('r', () => 1);
    assert.throws(() => client.handle('r', () => 2), /already has a handler/);
    assert.throws(() => client.handle('s', 'not a function'), TypeError);
  });
});

describe('closing', () => {
  test('close() sends close notify then closes with 1000, and fails what waits with kind closed', async () => {
    const { client, server } = await openClient();
    const states = [];
    client.on('state', (state) => states.push(state));
    const inFlight = rejection(client.request('a', 1));
    await server.nextMessage();
    const closedEvent = new Promise((resolve) => client.on('close', resolve));
    await client.close();
    const error = await inFlight;
    assert.ok(error instanceof CommError);
    assert.equal(error.kind, 'closed');
    const frame = await server.nextFrame();
    assert.equal(frame.kind, 'close-notify');
    assert.deepEqual(frame.bytes, Uint8Array.of(0x14));
    assert.equal((await server.closed()).code, 1000);
    assert.equal((await closedEvent).reconnecting, false);
    assert.equal(client.state, 'closed');
    assert.deepEqual(states, ['closed']);
    assert.equal((await rejection(client.request('a', 1))).kind, 'closed');
    assert.equal((await rejection(client.send('a', 1))).kind, 'closed');
    assert.equal((await rejection(client.ready(100))).kind, 'closed');
    assert.throws(() => client.start(), (e) => e.kind === 'closed');
    await client.close();
  });

  test('close() while dialling fails waiting calls and ready() and stops dialling', async () => {
    const { client, network } = startClient({}, 'fail');
    const waiting = rejection(client.request('a', 1, { timeout: 5000 }));
    const ready = rejection(client.ready(5000));
    await sleep(30);
    await client.close();
    assert.equal((await waiting).kind, 'closed');
    assert.equal((await ready).kind, 'closed');
    const dials = network.dials.length;
    await sleep(150);
    assert.equal(network.dials.length, dials);
  });

  test('a link lost without a session fails in-flight requests with connection-lost and reconnects', async (t) => {
    const { client, server, network } = await openClient({}, { features: ['heartbeat', 'error-type'] });
    t.after(() => client.close());
    const reply = client.request('a', 1, { timeout: 5000 });
    await server.nextMessage();
    const started = performance.now();
    server.drop();
    const error = await rejection(reply);
    assert.ok(error instanceof CommConnectionLostError);
    assert.equal(error.kind, 'connection-lost');
    assert.ok(performance.now() - started < 500);
    assert.equal(client.state, 'connecting');
    const next = await network.accept();
    await next.handshake();
    await client.ready(1000);
  });
});

describe('options', () => {
  test('a path resolves against the page location, http to ws and https to wss', async () => {
    const saved = Object.getOwnPropertyDescriptor(globalThis, 'location');
    const network = new FakeNetwork();
    try {
      Object.defineProperty(globalThis, 'location', { value: { href: 'https://shop.example:8443/app/page.html' }, configurable: true });
      const secure = new CommClient({ url: '/comm', clientId: 'c', WebSocket: network.WebSocket });
      assert.equal(secure.url, 'wss://shop.example:8443/comm');
      Object.defineProperty(globalThis, 'location', { value: { href: 'http://localhost:8080/' }, configurable: true });
      assert.equal(new CommClient({ url: '/comm', clientId: 'c', WebSocket: network.WebSocket }).url, 'ws://localhost:8080/comm');
      assert.equal(new CommClient({ url: 'ws://other:9/x', clientId: 'c', WebSocket: network.WebSocket }).url, 'ws://other:9/x');
    } finally {
      if (saved) {
        Object.defineProperty(globalThis, 'location', saved);
      } else {
        delete globalThis.location;
      }
    }
  });

  test('bad options fail in the constructor naming the option', () => {
    const network = new FakeNetwork();
    const base = { url: 'ws://h:1/comm', clientId: 'c', WebSocket: network.WebSocket };
    assert.throws(() => new CommClient({ ...base, clientId: '' }), /clientId/);
    assert.throws(() => new CommClient({ ...base, url: '/comm' }), /not absolute/);
    assert.throws(() => new CommClient({ ...base, url: 'tcp://h:1' }), /ws: or wss:/);
    assert.throws(() => new CommClient({ ...base, requestTimeout: -1 }), /requestTimeout/);
    assert.throws(() => new CommClient({ ...base, heartbeatInterval: -1 }), /heartbeatInterval/);
    assert.throws(() => new CommClient({ ...base, maxFrameSize: 0 }), /maxFrameSize/);
    assert.throws(() => new CommClient({ ...base, reconnect: { initialDelay: 0 } }), /initialDelay/);
  });
});
