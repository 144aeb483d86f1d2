/**
 * Spring Boot auto-configuration for comm.
 */
package dev.comm.autoconfigure;
