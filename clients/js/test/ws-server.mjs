// A small RFC 6455 server on node:http, enough to play a comm server to the platform's own
// WebSocket client over a real socket: the upgrade, masked client frames, fragmented
// messages, ping, and the close handshake.

import { createHash } from 'node:crypto';
import { createServer } from 'node:http';

import { ServerSide, withTimeout } from './fake-websocket.mjs';

const GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';

export class TestWebSocketServer {
  constructor({ path = '/comm', reject = () => 0 } = {}) {
    this.path = path;
    this.reject = reject;
    this.upgrades = 0;
    this.acceptQueue = [];
    this.acceptWaiters = [];
    this.sockets = new Set();
    this.http = createServer((request, response) => {
      response.writeHead(404).end();
    });
    this.http.on('upgrade', (request, socket) => this.upgrade(request, socket));
  }

  async listen() {
    await new Promise((resolve) => this.http.listen(0, '127.0.0.1', resolve));
    return `ws://127.0.0.1:${this.http.address().port}${this.path}`;
  }

  accept(timeout = 3000) {
    if (this.acceptQueue.length > 0) {
      return Promise.resolve(this.acceptQueue.shift());
    }
    return withTimeout(new Promise((resolve) => this.acceptWaiters.push(resolve)), timeout, 'no connection accepted');
  }

  async stop() {
    for (const socket of this.sockets) {
      socket.destroy();
    }
    await new Promise((resolve) => this.http.close(resolve));
  }

  upgrade(request, socket) {
    this.upgrades += 1;
    this.sockets.add(socket);
    socket.on('close', () => this.sockets.delete(socket));
    const status = this.reject(this.upgrades);
    const key = request.headers['sec-websocket-key'];
    if (status || request.url !== this.path || !key || request.headers.upgrade?.toLowerCase() !== 'websocket') {
      socket.end(`HTTP/1.1 ${status || 404} Refused\r\nContent-Length: 0\r\nConnection: close\r\n\r\n`);
      return;
    }
    const accept = createHash('sha1').update(key + GUID).digest('base64');
    socket.write(
      'HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n' +
        `Sec-WebSocket-Accept: ${accept}\r\n\r\n`,
    );
    socket.setNoDelay(true);
    const side = new RealServerSide(socket, request.headers);
    const waiter = this.acceptWaiters.shift();
    if (waiter) {
      waiter(side);
    } else {
      this.acceptQueue.push(side);
    }
  }
}

/** The server end of one real connection, with the test API of the in-memory one. */
class RealServerSide extends ServerSide {
  constructor(socket, headers) {
    super(null);
    this.tcp = socket;
    this.headers = headers;
    this.buffer = Buffer.alloc(0);
    this.fragments = null;
    this.maskedFrames = 0;
    socket.on('data', (chunk) => {
      this.buffer = Buffer.concat([this.buffer, chunk]);
      this.parse();
    });
    socket.on('close', () => {
      if (!this.closedBy) {
        this.clientClosed(1006, '');
      }
    });
  }

  parse() {
    for (;;) {
      const b = this.buffer;
      if (b.length < 2) {
        return;
      }
      const fin = (b[0] & 0x80) !== 0;
      const opcode = b[0] & 0x0f;
      const masked = (b[1] & 0x80) !== 0;
      let length = b[1] & 0x7f;
      let offset = 2;
      if (length === 126) {
        if (b.length < 4) return;
        length = b.readUInt16BE(2);
        offset = 4;
      } else if (length === 127) {
        if (b.length < 10) return;
        length = Number(b.readBigUInt64BE(2));
        offset = 10;
      }
      const maskOffset = offset;
      if (masked) offset += 4;
      if (b.length < offset + length) {
        return;
      }
      const payload = Buffer.from(b.subarray(offset, offset + length));
      if (masked) {
        this.maskedFrames += 1;
        for (let i = 0; i < payload.length; i += 1) {
          payload[i] ^= b[maskOffset + (i % 4)];
        }
      }
      this.buffer = b.subarray(offset + length);
      this.frame(fin, opcode, payload);
    }
  }

  frame(fin, opcode, payload) {
    if (opcode === 0x8) {
      const code = payload.length >= 2 ? payload.readUInt16BE(0) : 1005;
      this.clientClosed(code, payload.subarray(2).toString('utf8'));
      if (!this.tcp.destroyed) {
        this.writeFrame(0x8, payload.subarray(0, 2));
        this.tcp.end();
      }
      return;
    }
    if (opcode === 0x9) {
      this.writeFrame(0xa, payload);
      return;
    }
    if (opcode === 0xa) {
      return;
    }
    if (opcode === 0x1 || opcode === 0x2) {
      this.fragments = { opcode, parts: [payload] };
    } else if (opcode === 0x0 && this.fragments) {
      this.fragments.parts.push(payload);
    }
    if (fin && this.fragments) {
      const whole = Buffer.concat(this.fragments.parts);
      const message = this.fragments.opcode === 0x1 ? whole.toString('utf8') : new Uint8Array(whole);
      this.fragments = null;
      this.deliver(message);
    }
  }

  writeFrame(opcode, payload) {
    const length = payload.length;
    let header;
    if (length < 126) {
      header = Buffer.from([0x80 | opcode, length]);
    } else if (length < 65536) {
      header = Buffer.alloc(4);
      header[0] = 0x80 | opcode;
      header[1] = 126;
      header.writeUInt16BE(length, 2);
    } else {
      header = Buffer.alloc(10);
      header[0] = 0x80 | opcode;
      header[1] = 127;
      header.writeBigUInt64BE(BigInt(length), 2);
    }
    if (!this.tcp.destroyed) {
      this.tcp.write(Buffer.concat([header, Buffer.from(payload)]));
    }
  }

  push(data) {
    if (typeof data === 'string') {
      this.writeFrame(0x1, Buffer.from(data, 'utf8'));
    } else {
      this.writeFrame(0x2, Buffer.from(data));
    }
  }

  close(code = 1000, reason = '') {
    const payload = Buffer.alloc(2 + Buffer.byteLength(reason));
    payload.writeUInt16BE(code, 0);
    payload.write(reason, 2);
    this.writeFrame(0x8, payload);
  }

  drop() {
    this.tcp.destroy();
  }
}
