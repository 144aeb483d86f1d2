/**
 * Routes over HTTP: {@code POST <comm.http.path>/<route>} with a JSON body calls the
 * route's handler through an in-process link, so that it runs as for any other peer, and
 * answers its JSON reply or an RFC 9457 problem.
 */
package dev.comm.autoconfigure.http;
