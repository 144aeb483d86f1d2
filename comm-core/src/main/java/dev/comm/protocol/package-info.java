/**
 * The wire protocol, part of the transport SPI: frames, communica's byte format,
 * handshake fields and extensions.
 */
package dev.comm.protocol;
