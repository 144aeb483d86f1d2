/**
 * The handler's API: the {@code @CommHandler} and {@code @OnCommRequest} annotations, the
 * message a handler may take, and {@link dev.comm.handler.HandlerArgumentResolver} for
 * parameter kinds of an application's own.
 */
package dev.comm.handler;
