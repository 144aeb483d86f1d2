// Shared set-up of the client tests: a client on a fake network, and a guard that fails the
// file if anything escaped as an unhandled rejection or an uncaught exception.

import assert from 'node:assert/strict';
import { after } from 'node:test';

import { CommClient } from '../dist/index.js';
import { FakeNetwork } from './fake-websocket.mjs';

export function guardEscapes() {
  const escaped = [];
  const onRejection = (reason) => escaped.push(reason);
  const onException = (error) => escaped.push(error);
  process.on('unhandledRejection', onRejection);
  process.on('uncaughtException', onException);
  after(() => {
    process.off('unhandledRejection', onRejection);
    process.off('uncaughtException', onException);
    assert.deepEqual(escaped, [], 'nothing escapes as an unhandled rejection or uncaught exception');
  });
}

/** A started client on a fresh fake network, with short timers. */
export function startClient(options = {}, mode = 'accept') {
  const network = new FakeNetwork();
  network.mode = mode;
  const client = new CommClient({
    url: 'ws://127.0.0.1:8080/comm',
    clientId: 'page-1',
    requestTimeout: 1000,
    connectTimeout: 1000,
    heartbeatInterval: 0,
    reconnect: { initialDelay: 20, maxDelay: 100, multiplier: 2 },
    WebSocket: network.WebSocket,
    ...options,
  });
  const errors = [];
  client.on('error', (error) => errors.push(error));
  client.start();
  return { client, network, errors };
}

/** A started client whose first link is open, with the server's side of it. */
export async function openClient(options = {}, handshake = {}) {
  const started = startClient(options);
  const server = await started.network.accept();
  const hello = await server.handshake(handshake);
  await started.client.ready(1000);
  return { ...started, server, hello };
}

export async function rejection(promise) {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  assert.fail('expected the promise to reject');
}
