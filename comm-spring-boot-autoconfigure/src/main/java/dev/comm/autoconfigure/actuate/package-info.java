/**
 * comm in Actuator: the {@code comm} health contributor and the {@code /actuator/comm}
 * endpoint. Each is configured only when its part of Spring Boot is on the classpath;
 * nothing else in comm knows of them.
 */
package dev.comm.autoconfigure.actuate;
