/**
 * The {@code amqp} and {@code amqps} transport: comm's messages over a RabbitMQ broker,
 * with competing consumers per service, broadcast through a fanout exchange, publisher
 * confirms and acknowledgement after the handler finished.
 */
package dev.comm.internal.transport.amqp;
