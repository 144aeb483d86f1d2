/**
 * Declarative clients: an interface annotated {@link dev.comm.exchange.CommExchange}
 * whose methods are comm requests and throws, so that a call reads as a method call
 * instead of a route and a type token.
 */
package dev.comm.exchange;
