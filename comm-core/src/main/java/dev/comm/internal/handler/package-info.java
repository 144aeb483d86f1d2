/**
 * How calls come in: the route table, argument resolution and the invocation of handler
 * methods for every inbound request and throw.
 */
package dev.comm.internal.handler;
