/**
 * comm's exception family and the error kinds shared by every transport.
 */
package dev.comm;
