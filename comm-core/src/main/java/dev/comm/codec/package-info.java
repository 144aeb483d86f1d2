/**
 * Payload conversion between objects and bytes; JSON through Jackson by default.
 */
package dev.comm.codec;
