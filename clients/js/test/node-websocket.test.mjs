// The client on Node's own WebSocket over a real loopback socket. Node 22+ has the global
// WebSocket; Node 20 needs --experimental-websocket, so there this file runs itself again
// in a child process with the flag.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';

import { CommClient, CommConnectionLostError } from '../dist/index.js';
import { nextEvent } from './fake-websocket.mjs';
import { guardEscapes } from './helpers.mjs';
import { TestWebSocketServer } from './ws-server.mjs';

if (typeof globalThis.WebSocket !== 'function') {
  test("the client on Node's WebSocket, in a child with --experimental-websocket", () => {
    const env = { ...process.env };
    delete env.NODE_TEST_CONTEXT;
    const args = ['--experimental-websocket', '--test-reporter=tap', fileURLToPath(import.meta.url)];
    const child = spawnSync(process.execPath, args, { encoding: 'utf8', timeout: 120000, env });
    assert.match(child.stdout, /# pass [1-9]/, child.stdout + child.stderr);
    assert.equal(child.status, 0, child.stdout + child.stderr);
  });
} else {
  guardEscapes();
  describe("the client on the platform's WebSocket", () => {
    async function setUp(t, options = {}, serverOptions = {}) {
      const server = new TestWebSocketServer(serverOptions);
      const url = await server.listen();
      const client = new CommClient({
        url,
        clientId: 'node-1',
        requestTimeout: 2000,
        connectTimeout: 2000,
        heartbeatInterval: 0,
        reconnect: { initialDelay: 30, maxDelay: 100 },
        ...options,
      });
      const errors = [];
      client.on('error', (error) => errors.push(error));
      t.after(async () => {
        await client.close();
        await server.stop();
      });
      return { server, client, errors };
    }

    test('hello, requests both ways, a throw and close notify travel over a real socket', async (t) => {
      const { server, client } = await setUp(t);
      client.handle('ping', (payload) => ({ pong: payload }));
      client.start();
      const side = await server.accept();
      const hello = await side.handshake();
      assert.equal(hello.client_id, 'node-1');
      await client.ready(2000);

      const reply = client.request('echo', { text: 'ü'.repeat(70000) });
      const request = await side.nextMessage();
      assert.equal(request.meta.route, 'echo');
      side.sendMessage({ ...request.meta, type: 11 }, request.payload);
      assert.deepEqual(await reply, { text: 'ü'.repeat(70000) });

      side.sendMessage({ id: 's-1', type: 1, route: 'ping' }, 5);
      const answer = await side.nextMessage();
      assert.deepEqual(answer.meta, { id: 's-1', type: 11, route: 'ping' });
      assert.deepEqual(answer.payload, { pong: 5 });

      await client.send('audit', { event: 'paid' });
      assert.deepEqual((await side.nextMessage()).meta, { id: '', type: 2, route: 'audit' });
      assert.ok(side.maskedFrames > 0, 'client frames are masked, as RFC 6455 requires');

      await client.close();
      assert.equal((await side.nextFrame()).kind, 'close-notify');
      assert.equal((await side.closed()).code, 1000);
    });

    test('a dropped socket fails in-flight requests and the client dials the server again', async (t) => {
      const { server, client } = await setUp(t);
      client.start();
      const first = await server.accept();
      await first.handshake({ features: ['error-type'] });
      await client.ready(2000);
      const reply = client.request('slow', 1).catch((error) => error);
      await first.nextMessage();
      first.drop();
      assert.ok((await reply) instanceof CommConnectionLostError);
      const second = await server.accept();
      await second.handshake();
      await client.ready(2000);
    });

    test('a failed upgrade is retried with back-off', async (t) => {
      const { server, client, errors } = await setUp(t, {}, { reject: (n) => (n <= 2 ? 403 : 0) });
      client.start();
      const side = await server.accept();
      await side.handshake();
      await client.ready(2000);
      assert.equal(server.upgrades, 3);
      assert.equal(errors.length, 2);
    });

    test('a frame over maxFrameSize closes the socket and the client reconnects', async (t) => {
      const { server, client } = await setUp(t, { maxFrameSize: 1024 });
      client.start();
      const first = await server.accept();
      await first.handshake();
      await client.ready(2000);
      first.sendMessage({ id: '', type: 2, route: 'x' }, 'z'.repeat(2000));
      await first.closed();
      const second = await server.accept();
      await second.handshake();
      await client.ready(2000);
    });

    test('a refusal is reported and the socket closed', async (t) => {
      const { server, client } = await setUp(t);
      const refused = nextEvent(client, 'refused');
      client.start();
      const side = await server.accept();
      await side.nextText();
      side.sendText('{"reason":"not authenticated"}');
      assert.deepEqual(await refused, ['not authenticated']);
      assert.equal((await side.closed()).code, 1000);
    });
  });
}
