/**
 * The transport SPI: transports move frames and nothing else; one sub-package per
 * transport.
 */
package dev.comm.transport;
