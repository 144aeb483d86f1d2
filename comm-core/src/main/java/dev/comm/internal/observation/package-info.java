/**
 * Observation of calls and of what handlers serve: the hooks the call machinery invokes,
 * and their Micrometer implementations, which are only loaded when Micrometer Observation
 * is in use.
 */
package dev.comm.internal.observation;
