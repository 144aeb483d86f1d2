/**
 * Declarative clients the benchmarks call through. Kept outside the benchmark
 * applications' package so that their scanning does not make them beans in the server
 * applications, which have no connector for them.
 */
package dev.comm.benchmarkclients;
