"""Drives the unmodified communica package for comm's interop tests.

One process serves a whole test class. It reads one JSON command per line on stdin and
answers each with one JSON line on stdout carrying the command's "seq"; commands run
concurrently, so a test can start a slow request and restart a server meanwhile. At stdin
EOF it closes every communica object and exits. Run it with the vendored package on
PYTHONPATH (thirdparty/communica-0.4.2).
"""

import asyncio
import json
import logging
import ssl
import sys

from communica import (
    LocalConnector,
    RmqConnector,
    RouteClient,
    RouteServer,
    RouteTable,
    SimpleClient,
    SimpleServer,
    TcpConnector,
)
from communica.exceptions import ReqError, RespError, SerializerError, UnknownError
from communica.serializers import JsonSerializer


class ObjectsOnly(JsonSerializer):
    """Refuses anything but a JSON object, so that a test can provoke communica's type 42."""

    def load(self, raw_data):
        data = super().load(raw_data)
        if not isinstance(data, dict):
            raise ValueError('an object is required')
        return data


def connector(spec):
    if spec['type'] == 'local':
        return LocalConnector(spec['name'])
    if spec['type'] == 'rmq':
        return RmqConnector(spec['url'], spec['address'], client_id=spec.get('client_id'))
    context = None
    if 'cert' in spec:
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.load_cert_chain(spec['cert'], spec['key'])
    elif 'ca' in spec:
        context = ssl.create_default_context(cafile=spec['ca'])
    return TcpConnector(spec['host'], spec['port'], ssl=context)


class Driver:

    def __init__(self):
        self.objects = {}
        self.notes = []
        self.write_lock = asyncio.Lock()

    # what communica servers answer

    def server_routes(self, name):
        routes = RouteTable()
        routes.add_route('echo', lambda data: data, None)
        routes.add_route('upper', lambda text: text.upper(), None)
        routes.add_route('whoami', lambda _: 'communica-' + name, None)
        routes.add_route('req_error', self.raise_req_error, None)
        routes.add_route('resp_error', self.raise_resp_error, None)
        routes.add_route('crash', self.crash, None)
        routes.add_route('objects_only', lambda data: data, ObjectsOnly())
        routes.add_route('note', lambda note: self.notes.append(note), None)
        routes.add_route('notes', lambda _: self.notes, None)
        routes.add_route('slow', self.slow, None)

        async def ask_back(data):
            return await self.ask_back(name, data)

        routes.add_route('ask_back', ask_back, None)
        return routes

    @staticmethod
    def raise_req_error(_):
        raise ReqError('bad input', 7)

    @staticmethod
    def raise_resp_error(_):
        raise RespError('responder broke', 9)

    @staticmethod
    def crash(_):
        raise KeyError('boom')

    @staticmethod
    async def slow(seconds):
        await asyncio.sleep(seconds)
        return 'done'

    async def ask_back(self, name, data):
        """A communica server calling the comm client that called it, before it replies."""
        server = self.objects[name]
        if isinstance(server, SimpleServer):
            return await outcome(server.request(data['payload'], client_id=data['client_id']))
        return await outcome(server.request(data['route'], data['payload'], client_id=data['client_id']))

    def simple_handler(self, name):
        async def handle(data):
            """A SimpleServer or SimpleClient has one handler: the payload says what to do."""
            if isinstance(data, dict) and 'op' in data:
                if data['op'] == 'ask_back':
                    return await self.ask_back(name, data['payload'])
                handler = self.server_routes(name)[data['op']][0]
                result = handler.endpoint(data.get('payload'))
                return (await result) if handler.is_async else result
            return data
        return handle

    # the commands

    async def cmd_serve(self, command):
        name = command['name']
        if command['kind'] == 'simple':
            server = SimpleServer(connector(command['connector']), handler=self.simple_handler(name))
        else:
            server = RouteServer(connector(command['connector']), route_table=self.server_routes(name))
        await server.init()
        self.objects[name] = server
        return {}

    async def cmd_connect(self, command):
        name = command['name']
        if command['kind'] == 'simple':
            client = SimpleClient(connector(command['connector']), handler=self.simple_handler(name),
                                  client_id=command['client_id'])
        else:
            routes = RouteTable()
            routes.add_route('py.add', lambda numbers: numbers['a'] + numbers['b'], None)
            routes.add_route('whoami', lambda _: 'communica-' + name, None)
            client = RouteClient(connector(command['connector']), client_id=command['client_id'],
                                 route_table=routes)
        await client.init(timeout=command.get('timeout', 10))
        self.objects[name] = client
        return {}

    async def cmd_await_link(self, command):
        """Wait until a client's link is up or, with "up": false, until it saw it drop."""
        client = self.objects[command['name']]
        while client.connected_event.is_set() != command['up']:
            await asyncio.sleep(0.02)
        return {}

    async def cmd_close(self, command):
        try:
            await self.objects.pop(command['name']).close()
        except ssl.SSLError as e:
            # communica closes a TLS stream while the peer may still be writing; Python's
            # ssl module reports that, but the socket is closed all the same
            logging.info('closing %s: %r', command['name'], e)
        return {}

    def call(self, command, payload):
        target = self.objects[command['name']]
        if isinstance(target, (SimpleClient, SimpleServer)):
            return target.request(payload)
        return target.request(command['route'], payload)

    async def cmd_request(self, command):
        return await outcome(self.call(command, command.get('payload')))

    async def cmd_throw(self, command):
        target = self.objects[command['name']]
        if isinstance(target, SimpleClient):
            await target.throw(command.get('payload'))
        else:
            await target.throw(command['route'], command.get('payload'))
        return {}

    async def cmd_concurrent(self, command):
        """count requests at once, request i carrying {"i": i, "pad": ...} (inside
        {"op": wrap, "payload": ...} when given wrap); replies in order."""
        pad = command.get('pad', '')
        bodies = [{'i': i, 'pad': pad} for i in range(command['count'])]
        if 'wrap' in command:
            bodies = [{'op': command['wrap'], 'payload': body} for body in bodies]
        calls = [outcome(self.call(command, body)) for body in bodies]
        return {'replies': await asyncio.gather(*calls)}

    async def cmd_notes(self, command):
        return {'notes': self.notes}

    async def handle(self, line):
        command = json.loads(line)
        try:
            answer = await getattr(self, 'cmd_' + command['cmd'])(command)
        except Exception as e:
            logging.exception('command %s failed', command['cmd'])
            answer = {'failed': repr(e)}
        answer['seq'] = command['seq']
        async with self.write_lock:
            sys.stdout.write(json.dumps(answer) + '\n')
            sys.stdout.flush()

    async def close_all(self):
        for target in list(self.objects.values()):
            try:
                await asyncio.wait_for(target.close(), 3)
            except Exception:
                pass


async def outcome(call):
    """A call's reply, or communica's exception as data."""
    try:
        return {'body': await call}
    except (ReqError, RespError, UnknownError) as e:
        return {'error': type(e).__name__, 'code': e.code, 'message': e.message}
    except SerializerError as e:
        return {'error': 'SerializerError', 'message': e.message}


async def main():
    logging.basicConfig(level=logging.INFO, stream=sys.stderr,
                        format='%(asctime)s %(name)s %(levelname)s %(message)s')
    driver = Driver()
    loop = asyncio.get_running_loop()
    reader = asyncio.StreamReader(limit=64 * 1024 * 1024)
    await loop.connect_read_pipe(lambda: asyncio.StreamReaderProtocol(reader), sys.stdin)
    sys.stdout.write('READY\n')
    sys.stdout.flush()
    tasks = set()
    while line := await reader.readline():
        task = asyncio.create_task(driver.handle(line))
        tasks.add(task)
        task.add_done_callback(tasks.discard)
    await driver.close_all()


if __name__ == '__main__':
    asyncio.run(main())
