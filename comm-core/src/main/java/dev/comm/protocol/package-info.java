/**
 * The wire protocol: frames, communica's byte format, handshake fields and extensions.
 */
package dev.comm.protocol;
