/**
 * communica's RmqConnector protocol on comm's broker connections, chosen per endpoint
 * with {@code protocol=communica}: the {@code communica} exchange, a connect queue per
 * service, a handshake over exclusive queues, and two durable queues per client that
 * carry metadata, a {@code 0x00} byte and the payload (docs/PROTOCOL.md, communica over
 * RabbitMQ).
 */
package dev.comm.internal.transport.amqp.communica;
