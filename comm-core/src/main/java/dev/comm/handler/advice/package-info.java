/**
 * Exception handlers: methods that turn a handler's exception into a typed comm error.
 */
package dev.comm.handler.advice;
