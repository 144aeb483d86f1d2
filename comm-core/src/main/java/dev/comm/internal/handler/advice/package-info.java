/**
 * Finds and calls exception handler methods for the route dispatcher.
 */
package dev.comm.internal.handler.advice;
