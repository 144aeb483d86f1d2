/**
 * Addresses of comm peers as URIs, parsed and formatted as a round trip.
 */
package dev.comm.address;
