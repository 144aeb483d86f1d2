/**
 * The listening side: accepting peers, telling listeners about them, keeping their
 * sessions by client id, and stopping gracefully.
 */
package dev.comm.server;
