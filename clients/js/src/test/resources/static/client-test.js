// The page the browser tests drive: one comm client on the page's own server, and
// window.commTest for the test to call. Every call answers an outcome object, so that
// a failure reaches the test as data: { ok, value } or { ok: false, name, kind, code, message }.
import { CommClient, CommRemoteError } from '/webjars/comm-client/index.js';

const params = new URLSearchParams(location.search);
const events = [];
const pending = new Map();
const client = new CommClient({
	url: '/comm',
	clientId: params.get('id') ?? 'page',
	requestTimeout: 5000,
	heartbeatInterval: 1000,
	reconnect: { initialDelay: 100, maxDelay: 1000, multiplier: 2 },
});

// routes the server calls in the page
client.handle('page.upper', (text) => text.toUpperCase());
client.handle('page.events', () => events.slice());
client.handle('page.reject', (reason) => {
	throw new CommRemoteError('requester-fault', 'the page rejects ' + reason, { code: 9 });
});
client.handle('page.crash', () => {
	throw new Error('the page broke');
});

for (const name of ['open', 'close', 'refused']) {
	client.on(name, () => events.push(name));
}

function outcome(promise) {
	return Promise.resolve(promise).then(
		(value) => ({ ok: true, value: value ?? null }),
		(error) => ({ ok: false, name: error?.name ?? null, kind: error?.kind ?? null, code: error?.code ?? null,
			message: String(error?.message ?? error) }));
}

window.commTest = {
	events: () => events.slice(),
	state: () => client.state,
	ready: (timeout) => outcome(client.ready(timeout)),
	request: (route, payload, timeout) => outcome(client.request(route, payload, timeout ? { timeout } : undefined)),
	send: (route, payload) => outcome(client.send(route, payload)),
	// a request whose outcome is collected later, by name, with settle()
	begin: (name, route, payload, timeout) => {
		pending.set(name, outcome(client.request(route, payload, timeout ? { timeout } : undefined)));
		return null;
	},
	settle: (name) => pending.get(name),
	close: () => outcome(client.close()),
};

client.start();
document.getElementById('status').textContent = 'started';
