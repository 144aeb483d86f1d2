/**
 * What every AMQP protocol mode shares: the broker connection and channels, and the base
 * of a virtual connection over them.
 */
package dev.comm.internal.transport.amqp.broker;
