import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { CommConnectionLostError, CommTimeoutError } from '../dist/index.js';
import { nextEvent, sleep } from './fake-websocket.mjs';
import { guardEscapes, openClient, rejection, startClient } from './helpers.mjs';

guardEscapes();

const gaps = (dials) => dials.slice(1).map((dial, i) => dial.at - dials[i].at);

describe('reconnection', () => {
  test('the first attempt after a lost link waits the initial delay, shortened by less than 20 %', async (t) => {
    const { client, network, server } = await openClient({ reconnect: { initialDelay: 120, maxDelay: 1000, multiplier: 2 } });
    t.after(() => client.close());
    const closed = nextEvent(client, 'close');
    server.drop();
    const [event] = await closed;
    assert.equal(event.reconnecting, true);
    const lostAt = performance.now();
    const next = await network.accept();
    const waited = network.dials[1].at - lostAt;
    assert.ok(waited >= 120 * 0.8 - 5 && waited < 120 + 150, `waited ${waited} ms`);
    await next.handshake();
    await client.ready(1000);
  });

  test('failed attempts back off exponentially with jitter, and a handshake resets the count', async (t) => {
    const { client, network } = startClient({ reconnect: { initialDelay: 40, maxDelay: 160, multiplier: 2 } }, (n) =>
      n <= 5 ? 'fail' : 'accept',
    );
    t.after(() => client.close());
    const server = await network.accept(3000);
    const delays = gaps(network.dials);
    const expected = [40, 80, 160, 160, 160];
    delays.forEach((delay, i) => {
      assert.ok(delay >= expected[i] * 0.8 - 5, `gap ${i} of ${delay} ms, expected about ${expected[i]}`);
      assert.ok(delay < expected[i] + 150, `gap ${i} of ${delay} ms, expected about ${expected[i]}`);
    });
    await server.handshake();
    await client.ready(1000);
    const closed = nextEvent(client, 'close');
    server.drop();
    await closed;
    const lostAt = performance.now();
    await network.accept(3000);
    const afterReset = network.dials.at(-1).at - lostAt;
    assert.ok(afterReset >= 40 * 0.8 - 5 && afterReset < 40 + 150, `after a handshake the delay is ${afterReset} ms`);
  });

  test('jitter spreads delays within 20 % below the nominal delay', async (t) => {
    const { client, network } = startClient({ reconnect: { initialDelay: 50, maxDelay: 50, multiplier: 1 } }, (n) =>
      n <= 9 ? 'fail' : 'accept',
    );
    t.after(() => client.close());
    await network.accept(3000);
    const delays = gaps(network.dials);
    assert.equal(delays.length, 9);
    for (const delay of delays) {
      assert.ok(delay >= 40 - 5 && delay < 50 + 150, `delay ${delay} ms`);
    }
  });

  test('an attempt that never opens ends at the connect timeout and is retried', async (t) => {
    const { client, network, errors } = startClient({ connectTimeout: 50 }, (n) => (n === 1 ? 'hang' : 'accept'));
    t.after(() => client.close());
    const server = await network.accept(2000);
    assert.equal(network.dials.length, 2);
    assert.match(errors[0].message, /connect timeout of 50 ms/);
    await server.handshake();
    await client.ready(1000);
  });

  test('a server that never sends its hello is left at the connect timeout', async (t) => {
    const { client, network } = startClient({ connectTimeout: 60 });
    t.after(() => client.close());
    const first = await network.accept();
    await first.nextText();
    assert.equal((await first.closed()).code, 1000);
    const second = await network.accept();
    await second.handshake();
    await client.ready(1000);
  });

  test('the same client id is sent on every attempt', async (t) => {
    const { client, network } = startClient({ clientId: 'stable' });
    t.after(() => client.close());
    const first = await network.accept();
    assert.equal(JSON.parse(await first.nextText()).client_id, 'stable');
    first.drop();
    const second = await network.accept();
    assert.equal(JSON.parse(await second.nextText()).client_id, 'stable');
  });

  test('state goes connecting, open, connecting, open', async (t) => {
    const { client, network } = startClient();
    t.after(() => client.close());
    const states = ['connecting'];
    client.on('state', (state, previous) => {
      assert.equal(previous, states.at(-1));
      states.push(state);
    });
    const first = await network.accept();
    await first.handshake();
    await client.ready(1000);
    first.drop();
    const second = await network.accept();
    await second.handshake();
    await client.ready(1000);
    assert.deepEqual(states, ['connecting', 'open', 'connecting', 'open']);
  });
});

describe('sessions (PROTOCOL 14.4)', () => {
  test('requests held across a cut get their responses when the same instance resumes', async (t) => {
    const { client, network, server } = await openClient({}, { instance: 'A' });
    t.after(() => client.close());
    const reply = client.request('slow', 'x', { timeout: 3000 });
    const { meta } = await server.nextMessage();
    const closed = nextEvent(client, 'close');
    server.drop();
    assert.equal((await closed)[0].held, 1);
    const next = await network.accept();
    const opened = nextEvent(client, 'open');
    await next.handshake({ instance: 'A', resumed: true });
    const [event] = await opened;
    assert.equal(event.resumed, true);
    assert.deepEqual(event.session, { instance: 'A', resumed: true, received: null });
    next.sendMessage({ ...meta, type: 11 }, 'finished while away');
    assert.equal(await reply, 'finished while away');
  });

  test('a held request still ends at its timeout when no link comes back', async (t) => {
    const { client, network, server } = await openClient({}, { instance: 'A' });
    t.after(() => client.close());
    const reply = rejection(client.request('slow', 'x', { timeout: 120 }));
    await server.nextMessage();
    network.mode = 'fail';
    server.drop();
    const error = await reply;
    assert.ok(error instanceof CommTimeoutError);
  });

  for (const [name, handshake] of [
    ['another instance', { instance: 'B', resumed: true }],
    ['the same instance that forgot the session', { instance: 'A', resumed: false }],
    ['a server without sessions', { features: ['heartbeat', 'error-type'] }],
  ]) {
    test(`held requests fail at once as connection-lost when the next link is ${name}`, async (t) => {
      const { client, network, server } = await openClient({}, { instance: 'A' });
      t.after(() => client.close());
      const reply = rejection(client.request('slow', 'x', { timeout: 5000 }));
      await server.nextMessage();
      server.drop();
      const next = await network.accept();
      const started = performance.now();
      await next.handshake(handshake);
      const error = await reply;
      assert.ok(error instanceof CommConnectionLostError);
      assert.ok(performance.now() - started < 500);
      assert.equal(client.state, 'open');
    });
  }

  test('a close notify from the server fails requests at once, even with a session', async (t) => {
    const { client, network, server } = await openClient({}, { instance: 'A' });
    t.after(() => client.close());
    const reply = rejection(client.request('slow', 'x', { timeout: 5000 }));
    await server.nextMessage();
    server.sendBinary(Uint8Array.of(0x14));
    const error = await reply;
    assert.ok(error instanceof CommConnectionLostError);
    assert.equal((await server.closed()).code, 1000);
    const next = await network.accept();
    await next.handshake({ instance: 'A', resumed: true });
    await client.ready(1000);
  });

  test('with session agreed the link opens on the session message, not the hello', async (t) => {
    const { client, network } = startClient();
    t.after(() => client.close());
    const server = await network.accept();
    await server.nextText();
    server.sendText(JSON.stringify({ hello: 'hello', comm: { version: 1, features: ['session'] } }));
    await sleep(30);
    assert.equal(client.state, 'connecting');
    server.sendMessage({ id: '', type: 60, instance: 'X', resumed: false }, new Uint8Array());
    await client.ready(500);
  });

  test('a session message without a string instance closes the link', async (t) => {
    const { client, network } = startClient();
    t.after(() => client.close());
    const server = await network.accept();
    await server.nextText();
    server.sendText(JSON.stringify({ hello: 'hello', comm: { version: 1, features: ['session'] } }));
    server.sendMessage({ id: '', type: 60, resumed: true }, new Uint8Array());
    await server.closed();
    assert.equal(client.state, 'connecting');
    await network.accept();
  });

  test('a server call made before a cut is answered on the link that resumed the session', async (t) => {
    const { client, network, server } = await openClient({}, { instance: 'A' });
    t.after(() => client.close());
    let release;
    client.handle('wait', () => new Promise((resolve) => (release = resolve)));
    server.sendMessage({ id: 'srv-1', type: 1, route: 'wait' }, null);
    await sleep(20);
    server.drop();
    const next = await network.accept();
    await next.handshake({ instance: 'A', resumed: true });
    await client.ready(1000);
    release('late answer');
    const { meta, payload } = await next.nextMessage();
    assert.deepEqual(meta, { id: 'srv-1', type: 11, route: 'wait' });
    assert.equal(payload, 'late answer');
  });
});

describe('sending again what a cut lost (PROTOCOL 14.4)', () => {
  async function cutAfterFourWrites(handshake) {
    const opened = await openClient({}, { instance: 'A', received: 0 });
    const { client, server } = opened;
    const warm = client.request('warm', 0);
    const warmRequest = await server.nextMessage();
    server.sendMessage({ ...warmRequest.meta, type: 11 }, 'warm');
    assert.equal(await warm, 'warm');
    const first = client.request('a', 1, { timeout: 3000 });
    const second = client.request('b', 2, { timeout: 3000 });
    await client.send('t', 3);
    const written = [await server.nextMessage(), await server.nextMessage(), await server.nextMessage()];
    server.drop();
    await nextEvent(client, 'close');
    const queued = client.request('c', 4, { timeout: 3000 });
    const next = await opened.network.accept();
    const opening = nextEvent(client, 'open');
    const hello = await next.handshake(handshake);
    const [event] = await opening;
    return { ...opened, firstHello: opened.hello, first, second, queued, written, next, hello, event };
  }

  test('the hello reports the responses received, and what the server missed is written again first', async (t) => {
    const cut = await cutAfterFourWrites({ instance: 'A', resumed: true, received: 2 });
    t.after(() => cut.client.close());
    assert.deepEqual(cut.hello.comm.sender, { id: cut.firstHello.comm.sender.id, received: 1 });
    assert.equal(cut.event.resent, 2);
    const [, secondWritten, throwWritten] = cut.written;
    const again = [await cut.next.nextMessage(), await cut.next.nextMessage()];
    assert.deepEqual(again[0].meta, secondWritten.meta);
    assert.deepEqual(again[0].payload, 2);
    assert.deepEqual(again[1].meta, throwWritten.meta);
    const third = await cut.next.nextMessage();
    assert.equal(third.meta.route, 'c');
    cut.next.sendMessage({ ...cut.written[0].meta, type: 11 }, 'one');
    cut.next.sendMessage({ ...again[0].meta, type: 11 }, 'two');
    cut.next.sendMessage({ ...third.meta, type: 11 }, 'three');
    assert.deepEqual(await Promise.all([cut.first, cut.second, cut.queued]), ['one', 'two', 'three']);
    assert.equal(cut.errors.length, 0);
  });

  test('the sender id stays the same on every link', async (t) => {
    const { client, network } = startClient();
    t.after(() => client.close());
    const first = await network.accept();
    const one = JSON.parse(await first.nextText());
    first.drop();
    const second = await network.accept();
    const two = JSON.parse(await second.nextText());
    assert.equal(one.comm.sender.id, two.comm.sender.id);
  });

  test('without the server count nothing is written again, and the loss is reported', async (t) => {
    const cut = await cutAfterFourWrites({ instance: 'A', resumed: true });
    t.after(() => cut.client.close());
    assert.equal(cut.event.resent, 0);
    const next = await cut.next.nextMessage();
    assert.equal(next.meta.route, 'c');
    assert.match(cut.errors.at(-1).message, /4 request\(s\) and throw\(s\).*may not have arrived/);
    cut.next.sendMessage({ ...cut.written[0].meta, type: 11 }, 'one');
    assert.equal(await cut.first, 'one');
    cut.next.sendMessage({ ...cut.written[1].meta, type: 11 }, 'two');
    assert.equal(await cut.second, 'two');
    cut.next.sendMessage({ ...next.meta, type: 11 }, 'three');
    assert.equal(await cut.queued, 'three');
  });

  test('a new server process gets nothing written again', async (t) => {
    const cut = await cutAfterFourWrites({ instance: 'B', resumed: false, received: 0 });
    t.after(() => cut.client.close());
    const failures = await Promise.all([rejection(cut.first), rejection(cut.second)]);
    assert.deepEqual(failures.map((error) => error.kind), ['connection-lost', 'connection-lost']);
    assert.equal(cut.event.resent, 0);
    assert.equal((await cut.next.nextMessage()).meta.route, 'c');
    assert.ok(await cut.next.silentFor(30));
    cut.queued.catch(() => {});
  });
});

describe('refusal (PROTOCOL 5.5)', () => {
  test('a refusal after the hello emits refused with the reason and retries', async (t) => {
    const { client, network, errors } = startClient();
    t.after(() => client.close());
    const refused = nextEvent(client, 'refused');
    const first = await network.accept();
    await first.nextText();
    first.sendText(JSON.stringify({ hello: 'hello', comm: { version: 1, features: [] } }));
    first.sendText(JSON.stringify({ reason: 'the listener holds its limit of 1 links (comm.limits.links-per-listener)' }));
    assert.deepEqual(await refused, ['the listener holds its limit of 1 links (comm.limits.links-per-listener)']);
    await first.closed();
    const second = await network.accept();
    await second.handshake();
    await client.ready(1000);
    assert.equal(errors.length, 0);
  });

  test('a refusal in place of the hello (an authenticating server) is recognised', async (t) => {
    const { client, network } = startClient({ token: 'wrong' });
    t.after(() => client.close());
    const refused = nextEvent(client, 'refused');
    const first = await network.accept();
    await first.nextText();
    first.sendText('{"reason": "not authenticated"}');
    assert.deepEqual(await refused, ['not authenticated']);
    assert.equal(client.state, 'connecting');
    await network.accept();
  });

  test('an unreadable refusal is reported as its raw text', async (t) => {
    const { client, network } = startClient();
    t.after(() => client.close());
    const refused = nextEvent(client, 'refused');
    const first = await network.accept();
    await first.handshake({ features: [] });
    first.sendText('go away');
    assert.deepEqual(await refused, ['go away']);
  });
});

describe('heartbeat (PROTOCOL 11)', () => {
  test('a silent server is pinged after one interval, and its pongs keep the link', async (t) => {
    const { client, server } = await openClient({ heartbeatInterval: 30 });
    t.after(() => client.close());
    for (let i = 0; i < 4; i += 1) {
      const frame = await server.nextFrame();
      assert.equal(frame.kind, 'ping');
      assert.deepEqual(frame.bytes, Uint8Array.of(0x1e));
      server.sendBinary(Uint8Array.of(0x1f));
    }
    assert.equal(client.state, 'open');
  });

  test('a dead server is closed after more than three intervals and the client reconnects', async (t) => {
    const { client, server, network } = await openClient({ heartbeatInterval: 50 }, { features: ['heartbeat'] });
    t.after(() => client.close());
    const reply = rejection(client.request('a', 1, { timeout: 5000 }));
    await server.nextMessage();
    const closed = nextEvent(client, 'close');
    // the last frame from the server is a pong, then nothing more
    server.sendBinary(Uint8Array.of(0x1f));
    const started = performance.now();
    const [event] = await closed;
    const after = performance.now() - started;
    assert.match(event.reason, /no frame from the server/);
    assert.ok(after >= 140 && after < 500, `closed after ${after} ms, 150 to 200 ms expected`);
    assert.equal((await reply).kind, 'connection-lost');
    await server.closed();
    await network.accept();
  });

  test('no ping is sent when heartbeat is not agreed', async (t) => {
    const { client, server } = await openClient({ heartbeatInterval: 20 }, { features: ['error-type'] });
    t.after(() => client.close());
    assert.ok(await server.silentFor(100));
    assert.equal(client.state, 'open');
  });

  test('pings are answered with pongs even with the timer off', async (t) => {
    const { client, server } = await openClient({ heartbeatInterval: 0 });
    t.after(() => client.close());
    server.sendBinary(Uint8Array.of(0x1e));
    const frame = await server.nextFrame();
    assert.equal(frame.kind, 'pong');
    assert.deepEqual(frame.bytes, Uint8Array.of(0x1f));
    assert.ok(await server.silentFor(50));
  });
});

describe('bad input closes the link and the client reconnects', () => {
  const cases = {
    'a binary message before the hello': async (server) => {
      await server.nextText();
      server.sendBinary(Uint8Array.of(0x1e));
    },
    'a hello that is not a JSON object': async (server) => {
      await server.nextText();
      server.sendText('[1,2]');
    },
    'a hello that is not JSON': async (server) => {
      await server.nextText();
      server.sendText('hello?');
    },
    'a text message over 64 KiB': async (server) => {
      await server.nextText();
      server.sendText(JSON.stringify({ hello: 'x'.repeat(70000) }));
    },
    'an empty binary message': async (server) => {
      await server.handshake();
      server.sendBinary(new Uint8Array());
    },
    'an unknown frame code': async (server) => {
      await server.handshake();
      server.sendBinary(Uint8Array.of(0x63, 1, 2));
    },
    'a chunk frame': async (server) => {
      await server.handshake();
      server.sendBinary(Uint8Array.of(0x0b, 0, 0, 0, 0));
    },
    'malformed metadata': async (server) => {
      await server.handshake();
      const body = new TextEncoder().encode('\x0a\x00\x00\x00\x08{"id"');
      server.sendBinary(body);
    },
    'a message over maxFrameSize': async (server) => {
      await server.handshake();
      server.sendMessage({ id: '', type: 2, route: 'x' }, 'z'.repeat(600));
    },
    'a first frame that is not the session message': async (server) => {
      await server.nextText();
      server.sendText(JSON.stringify({ hello: 'hello', comm: { version: 1, features: ['session'] } }));
      server.sendMessage({ id: '1', type: 1, route: 'x' }, null);
    },
  };
  for (const [name, play] of Object.entries(cases)) {
    test(name, async (t) => {
      const { client, network, errors } = startClient({ maxFrameSize: 512 });
      t.after(() => client.close());
      client.handle('x', () => 'should not run');
      const first = await network.accept();
      await play(first);
      await first.closed();
      const second = await network.accept();
      await second.handshake();
      await client.ready(1000);
      assert.ok(errors.length >= 1, 'the bad input is reported as an error event');
    });
  }

  test('bad input on an open link fails its requests as connection-lost', async (t) => {
    const { client, server, network } = await openClient({}, { features: ['error-type'] });
    t.after(() => client.close());
    const reply = rejection(client.request('a', 1, { timeout: 5000 }));
    await server.nextMessage();
    server.sendBinary(Uint8Array.of(0x99));
    const error = await reply;
    assert.ok(error instanceof CommConnectionLostError);
    assert.match(error.message, /unknown frame code 0x99/);
    await network.accept();
  });

  test('a write that fails ends the link, and the call waits for the next link', async (t) => {
    const { client, server, network } = await openClient({}, { features: ['error-type'] });
    t.after(() => client.close());
    server.socket.failSends = true;
    const reply = client.request('a', 'again', { timeout: 3000 });
    assert.equal(client.state, 'connecting');
    const next = await network.accept();
    await next.handshake({ features: ['error-type'] });
    const { meta, payload } = await next.nextMessage();
    assert.equal(payload, 'again');
    next.sendMessage({ ...meta, type: 11 }, 'went out on the next link');
    assert.equal(await reply, 'went out on the next link');
  });

  test('a listener that closes the client when it opens stops the opening there', async (t) => {
    const { client, network } = startClient();
    t.after(() => client.close());
    const opens = [];
    client.on('open', (event) => opens.push(event));
    client.on('state', (state) => {
      if (state === 'open') {
        client.close();
      }
    });
    const waiting = rejection(client.request('a', 1, { timeout: 3000 }));
    const server = await network.accept();
    await server.handshake();
    assert.equal((await waiting).kind, 'closed');
    assert.equal(client.state, 'closed');
    assert.deepEqual(opens, []);
    assert.equal((await server.nextFrame()).kind, 'close-notify');
  });

  test('a listener that throws does not break the client', async (t) => {
    const { client, network } = startClient();
    t.after(() => client.close());
    client.on('open', () => {
      throw new Error('listener bug');
    });
    client.on('state', () => {
      throw new Error('listener bug');
    });
    const server = await network.accept();
    await server.handshake();
    await client.ready(1000);
    const reply = client.request('a', 1);
    const { meta } = await server.nextMessage();
    server.sendMessage({ ...meta, type: 11 }, 2);
    assert.equal(await reply, 2);
  });
});
