/**
 * Test support for comm applications: {@link dev.comm.test.AutoConfigureComm} puts every
 * configured listener and connector on the in-process transport, and
 * {@link dev.comm.test.CommTestClient} calls the application's own routes.
 */
package dev.comm.test;
