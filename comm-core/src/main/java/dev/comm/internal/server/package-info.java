/**
 * The listening side: accepting peers, telling peer listeners about them, keeping their
 * sessions by client id, and stopping gracefully.
 */
package dev.comm.internal.server;
