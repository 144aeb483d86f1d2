// The JavaScript client in a Node.js process, against the application the test started:
//   node node-client.mjs <client module URL> <listener URL>
// Prints one JSON line per result, then "ready", serves the server's calls, and exits 0
// once the server calls node.quit.
const [moduleUrl, url] = process.argv.slice(2);
const { CommClient } = await import(moduleUrl);

const client = new CommClient({ url, clientId: 'node-1', requestTimeout: 5000 });
let quit;
const quitting = new Promise((resolve) => { quit = resolve; });
client.handle('node.double', (n) => n * 2);
client.handle('node.quit', () => { setTimeout(quit, 50); return 'bye'; });
client.start();

function print(result) {
	process.stdout.write(JSON.stringify(result) + '\n');
}

await client.ready(10000);
print({ step: 'add', value: await client.request('add', { a: 20, b: 22 }) });
print({ step: 'whoami', value: await client.request('whoami', null) });
await client.send('note', 'from node');
try {
	await client.request('reject', 'the node');
	print({ step: 'reject', value: 'no error' });
}
catch (error) {
	print({ step: 'reject', name: error.name, kind: error.kind, code: error.code, message: error.message });
}
print({ step: 'ready' });
await quitting;
await client.close();
process.exit(0);
