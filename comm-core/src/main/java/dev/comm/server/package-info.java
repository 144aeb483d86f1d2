/**
 * The listening side: accepting peers, and stopping gracefully.
 */
package dev.comm.server;
