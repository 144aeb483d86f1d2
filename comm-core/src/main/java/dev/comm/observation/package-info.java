/**
 * Micrometer Observation of comm's calls: the contexts, the conventions users may
 * replace, and the documentation of the observations' names and keys. Only used when
 * Micrometer Observation is on the classpath.
 */
package dev.comm.observation;
