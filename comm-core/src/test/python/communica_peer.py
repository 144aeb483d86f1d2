#!/usr/bin/env python3
"""Test peer that follows the stream format of communica 0.4.2.

This program is a test fixture for comm's tcp:// and unix:// transports. It is
not communica: it is a small stdlib-only stand-in that puts the same bytes on
the wire as an unmodified communica 0.4.2 routed peer (TcpConnector or
LocalConnector), so the Java tests can run without installing communica.

Wire format, in short (all integers are unsigned 32-bit big-endian):

* Handshake, NUL-terminated JSON written by both sides at once:
  client ``{"client_id": "<id>"}`` + 00, server ``{"hello": "hello"}`` + 00.
  A refusal is 04 + ``{"reason": "..."}`` followed by a close.
* Frames: ``u32 length`` + body; the first body byte is the frame code.
  0x0A message: ``u32 meta_end`` (4 + metadata length), metadata JSON, payload JSON.
  0x14 close notify: always ``00 00 00 01 14``.
* Metadata: ``{"id": ..., "type": ..., "route": ...}``; type 1 request, 2 throw
  (id ""), 11 ok, 30 unhandled error, 41 requester's fault, 42 undecodable
  request, 51 responder's fault. A response is the request metadata with only
  "type" replaced.

Usage:

  communica_peer.py server (--tcp HOST:PORT | --unix PATH)
      Prints "READY <port>" (0 for unix) once listening, and "SLOW STARTED"
      each time a "slow" request begins, so that a test knows it is in flight;
      serves until stdin reaches EOF or SIGTERM, then exits 0.

  communica_peer.py client (--tcp HOST:PORT | --unix PATH) --client-id ID
                    --script JSON [--concurrent N]
      Runs a JSON list of ops and prints one JSON line per op (see run_script).
      Exit 0 when the script completed, 1 when the connection failed or
      dropped, 2 on bad arguments.

Both modes serve the same routes (see make_handlers).
"""

import argparse
import asyncio
import json
import os
import signal
import struct
import sys
import uuid

MAX_FRAME = 64 * 1024 * 1024  # communica has no cap; a test peer should not buffer without limit
HELLO_LIMIT = 64 * 1024

FRAME_MESSAGE = 0x0A
FRAME_CLOSE = 0x14
CLOSE_NOTIFY = struct.pack(">IB", 1, FRAME_CLOSE)
REFUSAL = 0x04

TYPE_REQUEST = 1
TYPE_THROW = 2
TYPE_OK = 11  # types below this one are incoming requests
TYPE_UNHANDLED = 30
TYPE_REQUESTER_FAULT = 41
TYPE_UNDECODABLE = 42
TYPE_RESPONDER_FAULT = 51


def log(message):
    # stdout is reserved for the lines the tests parse: READY and SLOW STARTED
    # of a server, the op lines of a client.
    print(f"communica_peer[{os.getpid()}]: {message}", file=sys.stderr, flush=True)


def encode_json(value):
    # Default separators, as communica produces with the stdlib json module.
    return json.dumps(value).encode("utf-8")


class ProtocolError(Exception):
    """The peer broke the stream format; the connection gets closed."""


class HandshakeError(Exception):
    """The handshake failed or the other side refused it."""


class PeerClosed(ConnectionError):
    """The connection is gone, so a pending or new call cannot complete."""


class HandlerFault(Exception):
    """Raised by a handler to answer with an explicit error type and code."""

    def __init__(self, response_type, code, message):
        super().__init__(message)
        self.response_type = response_type
        self.code = code
        self.message = message


# ---------------------------------------------------------------- frames

def message_frame(metadata, payload):
    """Encode a 0x0A frame: length, code, meta_end, metadata JSON, payload."""
    meta = encode_json(metadata)
    body = bytes([FRAME_MESSAGE]) + struct.pack(">I", 4 + len(meta)) + meta + payload
    return struct.pack(">I", len(body)) + body


def parse_message(body):
    """Split a 0x0A frame body into (metadata dict, payload bytes)."""
    if len(body) < 5:
        raise ProtocolError("message frame too short")
    (meta_end,) = struct.unpack(">I", body[1:5])
    # meta_end counts its own 4 bytes, so metadata is body[5 : 1 + meta_end].
    if meta_end < 4 or 1 + meta_end > len(body):
        raise ProtocolError(f"meta_end {meta_end} out of range for a {len(body)}-byte body")
    try:
        metadata = json.loads(body[5:1 + meta_end].decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as exc:
        raise ProtocolError(f"metadata is not JSON: {exc}") from None
    if not isinstance(metadata, dict):
        raise ProtocolError("metadata is not a JSON object")
    if not isinstance(metadata.get("id"), str) or type(metadata.get("type")) is not int:
        raise ProtocolError(f"metadata lacks a string id or an int type: {metadata!r}")
    return metadata, body[1 + meta_end:]


def error_body(code, message):
    return encode_json({"code": code, "message": message})


def decode_body(payload):
    """Decode a response payload; non-JSON is returned as text for diagnosis."""
    try:
        return json.loads(payload.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        return payload.decode("utf-8", "replace")


# ------------------------------------------------------------- handshake

def refusal_reason(data):
    """Find the reason of a 0x04 refusal in bytes read before EOF."""
    index = data.find(bytes([REFUSAL]))
    if index < 0:
        return None
    try:
        return json.loads(data[index + 1:].decode("utf-8")).get("reason")
    except (UnicodeDecodeError, ValueError, AttributeError):
        return data[index + 1:].decode("utf-8", "replace")


async def read_hello(reader):
    """Read the peer's hello up to the first 0x00 and parse it as a JSON object."""
    try:
        raw = await reader.readuntil(b"\x00")
    except asyncio.IncompleteReadError as exc:
        # EOF before the terminator: either a refusal or a plain disconnect.
        reason = refusal_reason(exc.partial)
        if reason is None:
            raise HandshakeError("connection closed during the handshake") from None
        raise HandshakeError(f"refused: {reason}") from None
    except asyncio.LimitOverrunError:
        raise HandshakeError("hello too long") from None
    try:
        hello = json.loads(raw[:-1].decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        raise HandshakeError(f"hello is not JSON: {raw[:-1]!r}") from None
    if not isinstance(hello, dict):
        raise HandshakeError(f"hello is not a JSON object: {hello!r}")
    return hello


async def client_handshake(reader, writer, client_id):
    # Write first, then read: communica never waits for the other side to speak.
    writer.write(encode_json({"client_id": client_id}) + b"\x00")
    await writer.drain()
    await read_hello(reader)  # the content is ignored, as communica does


async def server_handshake(reader, writer):
    """Greet, read the client hello and return its client_id, refusing if absent."""
    writer.write(encode_json({"hello": "hello"}) + b"\x00")
    await writer.drain()
    try:
        hello = await read_hello(reader)
        reason = None
    except HandshakeError as exc:
        hello, reason = None, str(exc)
    client_id = hello.get("client_id") if hello is not None else None
    if reason is None and not isinstance(client_id, str):
        reason = "client_id is missing in the handshake"
    if reason is not None:
        try:
            writer.write(bytes([REFUSAL]) + encode_json({"reason": reason}))
            await writer.drain()
        except ConnectionError:
            pass
        raise HandshakeError(reason)
    return client_id  # other keys (a comm peer adds "comm") are ignored


# ------------------------------------------------------------ connection

class Connection:
    """One handshaken stream: reads frames, serves requests, sends calls."""

    def __init__(self, reader, writer, handlers, label):
        self.reader = reader
        self.writer = writer
        self.handlers = handlers
        self.label = label
        self.pending = {}  # request id -> future of (type, payload bytes)
        self.tasks = set()
        self.closing = False
        self.closed = asyncio.Event()

    # -- reading

    async def run(self):
        """Read frames until EOF, close notify or a protocol error, then close."""
        notify = False
        try:
            while True:
                body = await self.read_frame()
                if body is None:
                    log(f"{self.label}: EOF")
                    break
                if body[0] == FRAME_CLOSE:
                    log(f"{self.label}: close notify received")
                    break
                if body[0] != FRAME_MESSAGE:
                    # Chunks (0x0B) only appear above 4 GiB, far beyond MAX_FRAME.
                    raise ProtocolError(f"unknown frame code 0x{body[0]:02x}")
                self.dispatch(*parse_message(body))
        except ProtocolError as exc:
            log(f"{self.label}: {exc}; closing")
            notify = True
        except (asyncio.IncompleteReadError, ConnectionError) as exc:
            log(f"{self.label}: connection lost ({exc!r})")
        finally:
            await self.close(notify=notify)

    async def read_frame(self):
        """Return one frame body, or None on a clean EOF between frames."""
        try:
            header = await self.reader.readexactly(4)
        except asyncio.IncompleteReadError as exc:
            if exc.partial:
                raise
            return None
        (length,) = struct.unpack(">I", header)
        if length == 0:
            raise ProtocolError("empty frame")
        if length > MAX_FRAME:
            if header[0] == REFUSAL:
                # A server refusing us writes 04 + reason after its hello.
                reason = await self.read_refusal(header)
                if reason is not None:
                    raise ProtocolError(f"peer refused the connection: {reason}")
            raise ProtocolError(f"frame of {length} bytes exceeds {MAX_FRAME}")
        return await self.reader.readexactly(length)

    async def read_refusal(self, header):
        data = header
        try:
            while len(data) < HELLO_LIMIT:
                chunk = await asyncio.wait_for(self.reader.read(HELLO_LIMIT), 2)
                if not chunk:
                    break
                data += chunk
        except (asyncio.TimeoutError, ConnectionError):
            return None
        return refusal_reason(data)

    def dispatch(self, metadata, payload):
        if metadata["type"] < TYPE_OK:
            # Each request runs in its own task, so replies may go out of order.
            self.spawn(self.serve(metadata, payload))
            return
        future = self.pending.pop(metadata["id"], None)
        if future is None or future.done():
            log(f"{self.label}: dropping response for unknown id {metadata['id']!r}")
            return
        future.set_result((metadata["type"], payload))

    def spawn(self, coroutine):
        task = asyncio.get_running_loop().create_task(coroutine)
        self.tasks.add(task)
        task.add_done_callback(self.tasks.discard)

    # -- serving

    async def serve(self, metadata, payload):
        response_type, body = await self.run_handler(metadata, payload)
        if metadata["type"] == TYPE_THROW:
            # A throw never gets a response, not even an error.
            if response_type != TYPE_OK:
                log(f"{self.label}: throw to {metadata.get('route')!r} failed: {body!r}")
            return
        response = dict(metadata)  # echo route and any unknown keys
        response["type"] = response_type
        try:
            await self.send(response, body)
        except PeerClosed:
            log(f"{self.label}: cannot answer {metadata['id']!r}, connection closed")

    async def run_handler(self, metadata, payload):
        """Run the route's handler; return (response type, response payload bytes)."""
        try:
            value = json.loads(payload.decode("utf-8"))
        except (UnicodeDecodeError, ValueError) as exc:
            return TYPE_UNDECODABLE, encode_json({"message": f"Cannot decode request: {exc}"})
        route = metadata.get("route")
        handler = self.handlers.get(route) if isinstance(route, str) else None
        if handler is None:
            return TYPE_REQUESTER_FAULT, error_body(None, f'Route "{route}" is not defined')
        try:
            result = await handler(self, value)
        except HandlerFault as fault:
            return fault.response_type, error_body(fault.code, fault.message)
        except Exception as exc:  # an unhandled handler error is type 30
            return TYPE_UNHANDLED, error_body(None, str(exc))
        try:
            return TYPE_OK, encode_json(result)
        except (TypeError, ValueError) as exc:
            return TYPE_RESPONDER_FAULT, error_body(None, f"Cannot encode result: {exc}")

    # -- calling

    async def send(self, metadata, payload):
        if self.closing:
            raise PeerClosed("connection closed")
        # One write() per frame keeps frames whole when tasks send concurrently.
        self.writer.write(message_frame(metadata, payload))
        try:
            await self.writer.drain()
        except ConnectionError as exc:
            raise PeerClosed(f"connection closed ({exc})") from None

    async def request(self, route, value):
        """Send a request and wait for its response: (type, payload bytes)."""
        request_id = uuid.uuid4().hex
        future = asyncio.get_running_loop().create_future()
        self.pending[request_id] = future
        try:
            await self.send({"id": request_id, "type": TYPE_REQUEST, "route": route},
                            encode_json(value))
            return await future
        finally:
            self.pending.pop(request_id, None)

    async def throw(self, route, value):
        await self.send({"id": "", "type": TYPE_THROW, "route": route}, encode_json(value))

    # -- closing

    async def close(self, notify=True):
        """Fail pending calls, stop handlers, optionally send close notify, close."""
        if self.closing:
            await self.closed.wait()
            return
        self.closing = True
        for future in self.pending.values():
            if not future.done():
                future.set_exception(PeerClosed("connection closed before the response"))
        self.pending.clear()
        for task in list(self.tasks):
            task.cancel()
        try:
            if notify:
                self.writer.write(CLOSE_NOTIFY)
                await self.writer.drain()
        except ConnectionError:
            pass
        self.writer.close()
        try:
            await self.writer.wait_closed()
        except ConnectionError:
            pass
        self.closed.set()


# -------------------------------------------------------------- handlers

def make_handlers(side):
    """Routes served by this peer; `side` is "server" or "client" (for whoami)."""
    notes = []  # payloads thrown at "note", shared by every connection

    async def echo(conn, value):
        return value

    async def upper(conn, value):
        return value.upper()

    async def add(conn, value):
        return value["a"] + value["b"]

    async def req_error(conn, value):
        raise HandlerFault(TYPE_REQUESTER_FAULT, 7, "bad input")

    async def resp_error(conn, value):
        raise HandlerFault(TYPE_RESPONDER_FAULT, 9, "responder broke")

    async def crash(conn, value):
        raise RuntimeError("boom")

    async def note(conn, value):
        notes.append(value)

    async def list_notes(conn, value):
        return list(notes)

    async def slow(conn, value):
        if side == "server":
            print("SLOW STARTED", flush=True)
        await asyncio.sleep(value)
        return "done"

    async def ask_back(conn, value):
        # Calls the other side over the same connection while this request waits.
        response_type, payload = await conn.request("whoami", "python")
        body = decode_body(payload)
        if response_type == TYPE_OK:
            return {"answer": body}
        fields = body if isinstance(body, dict) else {"message": body}
        return {"error_type": response_type, "code": fields.get("code"),
                "message": fields.get("message")}

    async def whoami(conn, value):
        return f"python-{side}"

    return {
        "echo": echo,
        "upper": upper,
        "py.add": add,
        "req_error": req_error,
        "resp_error": resp_error,
        "crash": crash,
        "note": note,
        "notes": list_notes,
        "slow": slow,
        "ask_back": ask_back,
        "whoami": whoami,
    }


# ---------------------------------------------------------------- server

async def run_server(args):
    handlers = make_handlers("server")
    connections = set()
    stop = asyncio.Event()

    async def on_connect(reader, writer):
        try:
            client_id = await server_handshake(reader, writer)
        except (HandshakeError, ConnectionError) as exc:
            log(f"handshake failed: {exc}")
            writer.close()
            return
        conn = Connection(reader, writer, handlers, f"client {client_id!r}")
        connections.add(conn)
        try:
            await conn.run()
        finally:
            connections.discard(conn)

    if args.tcp:
        host, port = parse_host_port(args.tcp)
        server = await asyncio.start_server(on_connect, host, port)
        port = server.sockets[0].getsockname()[1]
    else:
        directory = os.path.dirname(os.path.abspath(args.unix))
        os.makedirs(directory, exist_ok=True)
        server = await asyncio.start_unix_server(on_connect, args.unix)
        port = 0
    print(f"READY {port}", flush=True)

    watch_lifetime(stop)
    await stop.wait()
    log("shutting down")
    server.close()
    await asyncio.gather(*(conn.close(notify=True) for conn in list(connections)))
    await server.wait_closed()
    if args.unix:
        try:
            os.unlink(args.unix)
        except OSError:
            pass
    return 0


def watch_lifetime(stop):
    """Set `stop` on SIGTERM/SIGINT or when stdin reaches EOF (the parent went away)."""
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(signum, stop.set)

    def on_stdin():
        try:
            data = os.read(0, 65536)
        except BlockingIOError:
            return
        except OSError:
            data = b""
        if not data:
            loop.remove_reader(0)
            log("stdin reached EOF")
            stop.set()

    try:
        loop.add_reader(0, on_stdin)
    except (OSError, ValueError):
        # A regular file or /dev/null cannot be polled; only signals stop us then.
        log("stdin cannot be watched; stop with SIGTERM")


def parse_host_port(text):
    host, sep, port = text.rpartition(":")
    if not sep or not port.isdigit():
        raise argparse.ArgumentTypeError(f"expected HOST:PORT, got {text!r}")
    return host.strip("[]") or "127.0.0.1", int(port)


# ---------------------------------------------------------------- client

def emit(line):
    print(json.dumps(line), flush=True)


async def run_client(args, script):
    try:
        if args.tcp:
            host, port = parse_host_port(args.tcp)
            reader, writer = await asyncio.open_connection(host, port)
        else:
            reader, writer = await asyncio.open_unix_connection(args.unix)
        await client_handshake(reader, writer, args.client_id)
    except (OSError, HandshakeError) as exc:
        emit({"op": "connect", "error": str(exc)})
        return 1
    conn = Connection(reader, writer, make_handlers("client"), "server")
    reader_task = asyncio.get_running_loop().create_task(conn.run())
    code = await run_script(conn, script, args.concurrent)
    await conn.close(notify=True)
    await reader_task
    return code


async def run_script(conn, script, concurrency):
    """Run the ops in order and print one JSON line per op; return the exit code.

    request -> {"op": "request", "route": R, "type": T, "body": B}
               ("repeat": N sends N copies at once and prints N lines)
    throw   -> {"op": "throw", "route": R, "sent": true}
    sleep   -> {"op": "sleep", "seconds": S}
    A dropped connection prints {"op": ..., ..., "error": "..."} and returns 1.
    """
    for op in script:
        if op["op"] == "request":
            ok = await run_requests(conn, op, concurrency)
        elif op["op"] == "throw":
            ok = await run_throw(conn, op)
        else:
            ok = await run_sleep(conn, op)
        if not ok:
            return 1
    return 0


async def run_requests(conn, op, concurrency):
    route, value = op["route"], op["payload"]
    limit = asyncio.Semaphore(concurrency or op["repeat"])

    async def one():
        async with limit:
            try:
                response_type, payload = await conn.request(route, value)
            except PeerClosed as exc:
                return {"op": "request", "route": route, "error": str(exc)}
        return {"op": "request", "route": route, "type": response_type,
                "body": decode_body(payload)}

    lines = await asyncio.gather(*(one() for _ in range(op["repeat"])))
    for line in lines:
        emit(line)
    return all("error" not in line for line in lines)


async def run_throw(conn, op):
    try:
        await conn.throw(op["route"], op["payload"])
    except PeerClosed as exc:
        emit({"op": "throw", "route": op["route"], "error": str(exc)})
        return False
    emit({"op": "throw", "route": op["route"], "sent": True})
    return True


async def run_sleep(conn, op):
    # A connection that drops during a sleep fails the script at once.
    closed = asyncio.ensure_future(conn.closed.wait())
    done, _ = await asyncio.wait({closed}, timeout=op["seconds"])
    closed.cancel()
    if done:
        emit({"op": "sleep", "seconds": op["seconds"], "error": "connection closed"})
        return False
    emit({"op": "sleep", "seconds": op["seconds"]})
    return True


def load_script(text):
    """Parse and check the --script JSON (or @FILE) before connecting."""
    if text.startswith("@"):
        with open(text[1:], encoding="utf-8") as handle:
            text = handle.read()
    script = json.loads(text)
    if not isinstance(script, list):
        raise ValueError("the script must be a JSON list of ops")
    for op in script:
        kind = op.get("op") if isinstance(op, dict) else None
        if kind in ("request", "throw"):
            if not isinstance(op.get("route"), str) or "payload" not in op:
                raise ValueError(f"{kind} needs a string route and a payload: {op!r}")
            op.setdefault("repeat", 1)
            if type(op["repeat"]) is not int or op["repeat"] < 1:
                raise ValueError(f"repeat must be a positive int: {op!r}")
        elif kind == "sleep":
            if type(op.get("seconds")) not in (int, float) or op["seconds"] < 0:
                raise ValueError(f"sleep needs a non-negative number of seconds: {op!r}")
        else:
            raise ValueError(f"unknown op: {op!r}")
    return script


# ------------------------------------------------------------------ main

def parse_args(argv):
    parser = argparse.ArgumentParser(description="communica 0.4.2 wire-compatible test peer")
    modes = parser.add_subparsers(dest="mode", required=True)
    for mode in ("server", "client"):
        sub = modes.add_parser(mode)
        where = sub.add_mutually_exclusive_group(required=True)
        where.add_argument("--tcp", metavar="HOST:PORT")
        where.add_argument("--unix", metavar="PATH")
        if mode == "client":
            sub.add_argument("--client-id", required=True)
            sub.add_argument("--script", required=True,
                             help="JSON list of ops, or @FILE holding it")
            sub.add_argument("--concurrent", type=int, default=0, metavar="N",
                             help="at most N copies of a repeated request in flight")
    args = parser.parse_args(argv)
    if args.tcp:
        try:
            parse_host_port(args.tcp)
        except argparse.ArgumentTypeError as exc:
            parser.error(str(exc))
    if args.mode == "client":
        if not args.client_id:
            parser.error("--client-id must not be empty")
        if args.concurrent < 0:
            parser.error("--concurrent must be >= 0")
        try:
            args.script = load_script(args.script)
        except (OSError, ValueError) as exc:
            parser.error(f"bad --script: {exc}")
    return args


def main(argv=None):
    args = parse_args(sys.argv[1:] if argv is None else argv)
    if args.mode == "server":
        return asyncio.run(run_server(args))
    return asyncio.run(run_client(args, args.script))


if __name__ == "__main__":
    sys.exit(main())
