/**
 * Small concurrency building blocks shared by the transports and the Spring integration;
 * they know nothing of frames, links or handlers.
 */
package dev.comm.internal.concurrent;
