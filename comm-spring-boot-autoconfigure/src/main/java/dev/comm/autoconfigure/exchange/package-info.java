/**
 * Declarative clients in Spring Boot: {@link dev.comm.exchange.CommExchange} interfaces
 * found in the application's packages become beans.
 */
package dev.comm.autoconfigure.exchange;
