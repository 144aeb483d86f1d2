/**
 * The handler's side: annotations, the route table, argument resolution and invocation.
 */
package dev.comm.handler;
