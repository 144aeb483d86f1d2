// The scheduler's live dashboard: a comm peer of the scheduler's "dashboard" ws listener.
// It asks for the view once it is connected, and the scheduler throws it the new view after
// every change; a dropped connection comes back by itself and asks again.
import { CommClient } from '/webjars/comm-client/index.js';

const client = new CommClient({
	url: '/comm',
	clientId: 'dashboard-' + Math.random().toString(16).slice(2, 10),
	requestTimeout: 5000,
	reconnect: { initialDelay: 250, maxDelay: 5000, multiplier: 2 },
});
let updates = 0;

client.handle('dashboard.update', (view) => render(view));
client.on('open', () => {
	showLink('open', 'live');
	client.request('dashboard.snapshot', null).then(render, (error) => showLink('open', error.message));
});
client.on('close', () => showLink('connecting', 'reconnecting…'));
client.start();

function showLink(state, text) {
	const link = document.getElementById('link');
	link.dataset.state = state;
	link.textContent = text;
}

function render(view) {
	updates++;
	document.body.dataset.updates = String(updates);
	document.getElementById('workers').replaceChildren(...view.workers.map((worker) => {
		const doing = worker.currentTask != null ? `task ${worker.currentTask}` : (worker.connected ? 'between tasks' : 'left');
		return item({ worker: worker.name, connected: String(worker.connected) },
			text('strong', worker.name), text('span', `${worker.tasksDone} done · ${doing}`, 'state'));
	}));
	document.getElementById('tasks').replaceChildren(...view.tasks.map((task) =>
		item({ task: String(task.id), state: task.state }, text('span', `#${task.id}`), text('small', task.state),
			text('small', task.worker ?? '\u00a0'))));
	document.getElementById('progress').textContent = `${view.tasksDone} / ${view.tasks.length} done`;
	document.getElementById('log').replaceChildren(...view.log.map((line) => item({}, text('span', line))));
}

function item(data, ...children) {
	const li = document.createElement('li');
	Object.assign(li.dataset, data);
	li.append(...children);
	return li;
}

function text(tag, content, className) {
	const element = document.createElement(tag);
	element.textContent = content;
	if (className) {
		element.className = className;
	}
	return element;
}
