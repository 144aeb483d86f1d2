"""A comm client written from docs/PROTOCOL.md alone, on the websockets library.

Usage: comm_ws_client.py <ws url>. Says hello, sends a request, a throw, a request that
makes the server call back, and a request to an unknown route; answers the server's
request; prints what came back as one JSON object.
"""
import asyncio
import json
import struct
import sys

import websockets

MESSAGE = 0x0A
CLOSE_NOTIFY = 0x14


def message(metadata, payload):
    meta = json.dumps(metadata).encode("utf-8")
    return bytes([MESSAGE]) + struct.pack(">I", 4 + len(meta)) + meta + payload


def parse(body):
    if body[0] != MESSAGE:
        return body[0], None, None
    meta_end = struct.unpack(">I", body[1:5])[0]
    return MESSAGE, json.loads(body[5:1 + meta_end]), body[1 + meta_end:]


async def run(url):
    results = {}
    async with websockets.connect(url, max_size=16 * 1024 * 1024) as socket:
        hello = {"client_id": "python-client", "comm": {"version": 1, "features": ["error-type"]}}
        await socket.send(json.dumps(hello))
        server_hello = await asyncio.wait_for(socket.recv(), 10)
        if not isinstance(server_hello, str):
            raise SystemExit("the server's hello is not a text message")
        results["server_hello"] = json.loads(server_hello)

        await socket.send(message({"id": "py-1", "type": 1, "route": "greet"}, b'"python"'))
        await socket.send(message({"id": "", "type": 2, "route": "note"}, b'"thrown from python"'))
        await socket.send(message({"id": "py-2", "type": 1, "route": "callback"}, b'"py"'))
        await socket.send(message({"id": "py-3", "type": 1, "route": "no.such.route"}, b'"x"'))

        waiting = {"py-1", "py-2", "py-3"}
        while waiting:
            data = await asyncio.wait_for(socket.recv(), 10)
            if isinstance(data, str):
                raise SystemExit("unexpected text message: " + data)
            code, metadata, payload = parse(data)
            if code != MESSAGE:
                continue
            if metadata["type"] == 1:
                name = json.loads(payload)
                reply = dict(metadata, type=11)
                await socket.send(message(reply, json.dumps("hello " + name + " from python").encode("utf-8")))
                results["server_request"] = metadata.get("route")
                continue
            waiting.discard(metadata["id"])
            results[metadata["id"]] = {"type": metadata["type"], "payload": json.loads(payload)}
        await socket.send(bytes([CLOSE_NOTIFY]))
    print(json.dumps(results))


asyncio.run(run(sys.argv[1]))
