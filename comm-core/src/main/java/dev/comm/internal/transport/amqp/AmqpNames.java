package dev.comm.internal.transport.amqp;

import java.util.UUID;

/**
 * The broker objects of a comm service. Every instance of a service and every caller
 * derive the same names from the service name alone, so no configuration has to agree
 * beyond that name.
 */
final class AmqpNames {

	private static final String PREFIX = "comm.";

	private AmqpNames() {
	}

	/**
	 * The durable queue every instance of the service consumes: competing consumers.
	 * @param service the service name
	 * @return the queue name
	 */
	static String serviceQueue(String service) {
		return PREFIX + "service." + service;
	}

	/**
	 * The fanout exchange that reaches every live instance of the service.
	 * @param service the service name
	 * @return the exchange name
	 */
	static String broadcastExchange(String service) {
		return PREFIX + "broadcast." + service;
	}

	/**
	 * A new exclusive queue for one listening instance: bound to the broadcast exchange,
	 * and where callers send replies to the requests this instance makes of them.
	 * @param service the service name
	 * @return a queue name no other instance uses
	 */
	static String instanceQueue(String service) {
		return PREFIX + "instance." + service + "." + UUID.randomUUID();
	}

	/**
	 * A new exclusive queue for one caller connection, where its replies arrive.
	 * @return a queue name no other caller uses
	 */
	static String replyQueue() {
		return PREFIX + "reply." + UUID.randomUUID();
	}

}
