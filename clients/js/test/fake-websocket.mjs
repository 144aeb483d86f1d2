// An in-memory WebSocket pair. The client side follows the WHATWG WebSocket API closely
// enough to catch misuse (sending before open, close codes a browser rejects); the server
// side is driven by the tests, which play a comm server from PROTOCOL.md.

import { decodeFrame, encodeMessage, encodePayload } from '../dist/frame.js';

const CONNECTING = 0;
const OPEN = 1;
const CLOSING = 2;
const CLOSED = 3;

/** Many dials share one network; each dial becomes one ServerSide once it is accepted. */
export class FakeNetwork {
  constructor() {
    /** What the next dials meet: 'accept', 'fail' (upgrade refused) or 'hang' (never opens). */
    this.mode = 'accept';
    this.dials = [];
    this.connections = [];
    this.acceptQueue = [];
    this.acceptWaiters = [];
    const network = this;
    this.WebSocket = class FakeWebSocket extends FakeClientSocket {
      constructor(url) {
        super(network, url);
      }
    };
  }

  /** The next accepted connection, server side. */
  accept(timeout = 2000) {
    if (this.acceptQueue.length > 0) {
      return Promise.resolve(this.acceptQueue.shift());
    }
    return withTimeout(
      new Promise((resolve) => this.acceptWaiters.push(resolve)),
      timeout,
      'no connection accepted',
    );
  }

  dialled(socket) {
    this.dials.push({ url: socket.url, at: performance.now() });
    const mode = typeof this.mode === 'function' ? this.mode(this.dials.length) : this.mode;
    if (mode === 'hang') {
      return;
    }
    setTimeout(() => {
      if (socket.readyState !== CONNECTING) {
        return;
      }
      if (mode === 'fail') {
        socket.readyState = CLOSED;
        socket.onerror?.({ type: 'error' });
        socket.onclose?.({ code: 1006, reason: '' });
        return;
      }
      const server = new ServerSide(socket);
      socket.server = server;
      this.connections.push(server);
      socket.readyState = OPEN;
      socket.onopen?.({ type: 'open' });
      const waiter = this.acceptWaiters.shift();
      if (waiter) {
        waiter(server);
      } else {
        this.acceptQueue.push(server);
      }
    }, 0);
  }
}

class FakeClientSocket {
  constructor(network, url) {
    this.url = url;
    this.readyState = CONNECTING;
    this.binaryType = 'blob';
    this.onopen = null;
    this.onmessage = null;
    this.onclose = null;
    this.onerror = null;
    this.server = null;
    network.dialled(this);
  }

  send(data) {
    if (this.readyState === CONNECTING) {
      throw new Error('InvalidStateError: send() before the socket opened');
    }
    if (this.readyState !== OPEN) {
      return;
    }
    if (this.failSends) {
      throw new Error('the socket cannot write');
    }
    let message;
    if (typeof data === 'string') {
      message = data;
    } else if (ArrayBuffer.isView(data)) {
      message = new Uint8Array(data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength));
    } else if (data instanceof ArrayBuffer) {
      message = new Uint8Array(data.slice(0));
    } else {
      throw new TypeError('unsupported data');
    }
    const server = this.server;
    queueMicrotask(() => server.deliver(message));
  }

  close(code, reason) {
    if (code !== undefined && code !== 1000 && (code < 3000 || code > 4999)) {
      throw new Error(`InvalidAccessError: a page may not close with code ${code}`);
    }
    if (this.readyState === CLOSING || this.readyState === CLOSED) {
      return;
    }
    const wasConnecting = this.readyState === CONNECTING;
    this.readyState = CLOSING;
    const server = this.server;
    setTimeout(() => {
      this.readyState = CLOSED;
      server?.clientClosed(code ?? 1005, reason ?? '');
      this.onclose?.({ code: wasConnecting ? 1006 : (code ?? 1005), reason: reason ?? '' });
    }, 0);
  }
}

/** The server end of one connection. */
export class ServerSide {
  constructor(socket) {
    this.socket = socket;
    this.inbox = [];
    this.waiters = [];
    this.closedBy = null;
    this.closedWaiters = [];
  }

  deliver(message) {
    const waiter = this.waiters.shift();
    if (waiter) {
      waiter(message);
    } else {
      this.inbox.push(message);
    }
  }

  clientClosed(code, reason) {
    this.closedBy = { code, reason };
    for (const waiter of this.closedWaiters.splice(0)) {
      waiter(this.closedBy);
    }
  }

  /** Resolves with the client's close code and reason once the client closed. */
  closed(timeout = 2000) {
    if (this.closedBy) {
      return Promise.resolve(this.closedBy);
    }
    return withTimeout(new Promise((resolve) => this.closedWaiters.push(resolve)), timeout, 'client did not close');
  }

  /** The next message from the client: a string or a Uint8Array. */
  next(timeout = 2000) {
    if (this.inbox.length > 0) {
      return Promise.resolve(this.inbox.shift());
    }
    return withTimeout(new Promise((resolve) => this.waiters.push(resolve)), timeout, 'no message from the client');
  }

  /** Resolves with true when nothing arrives within `ms`. */
  async silentFor(ms) {
    if (this.inbox.length > 0) {
      return false;
    }
    try {
      const message = await this.next(ms);
      this.inbox.unshift(message);
      return false;
    } catch {
      return true;
    }
  }

  async nextText() {
    const message = await this.next();
    if (typeof message !== 'string') {
      throw new Error(`expected a text message, got ${message.length} binary bytes`);
    }
    return message;
  }

  async nextFrame() {
    const message = await this.next();
    if (typeof message === 'string') {
      throw new Error(`expected a binary message, got text ${message}`);
    }
    return { ...decodeFrame(message), bytes: message };
  }

  /** The next message frame, with its payload decoded as JSON (empty: null). */
  async nextMessage() {
    const frame = await this.nextFrame();
    if (frame.kind !== 'message') {
      throw new Error(`expected a message frame, got ${frame.kind}`);
    }
    const text = new TextDecoder().decode(frame.payload);
    return { meta: frame.meta, payload: text.length === 0 ? null : JSON.parse(text), bytes: frame.bytes };
  }

  /**
   * Plays a comm server's handshake: reads the client hello, writes the server hello and,
   * with `session` among the features, the session message.
   */
  async handshake({ features = ['heartbeat', 'error-type', 'session'], instance = 'inst-1', resumed = false, received } = {}) {
    const hello = JSON.parse(await this.nextText());
    this.sendText(JSON.stringify({ hello: 'hello', comm: { version: 1, features } }));
    if (features.includes('session')) {
      const meta = received === undefined ? { id: '', type: 60, instance, resumed } : { id: '', type: 60, instance, resumed, received };
      this.sendMessage(meta, new Uint8Array());
    }
    return hello;
  }

  sendText(text) {
    this.push(text);
  }

  sendBinary(bytes) {
    this.push(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
  }

  /** Sends a message frame; a payload that is not a Uint8Array is sent as JSON. */
  sendMessage(meta, payload) {
    const bytes = payload instanceof Uint8Array ? payload : encodePayload(payload);
    this.sendBinary(encodeMessage(meta, bytes));
  }

  push(data) {
    setTimeout(() => {
      if (this.socket.readyState === OPEN) {
        this.socket.onmessage?.({ data });
      }
    }, 0);
  }

  /** Closes from the server side with a WebSocket close (no close notify unless sent before). */
  close(code = 1000, reason = '') {
    setTimeout(() => {
      if (this.socket.readyState === CLOSED) {
        return;
      }
      this.socket.readyState = CLOSED;
      this.clientClosed(code, reason);
      this.socket.onclose?.({ code, reason });
    }, 0);
  }

  /** Drops the connection: what a cut cable looks like to the client. */
  drop() {
    this.close(1006, '');
  }
}

export function withTimeout(promise, ms, what) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Resolves with the arguments of the next `event` the client emits. */
export function nextEvent(client, event, timeout = 2000) {
  let off;
  return withTimeout(
    new Promise((resolve) => {
      off = client.on(event, (...args) => resolve(args));
    }),
    timeout,
    `no '${event}' event`,
  ).finally(() => off());
}
