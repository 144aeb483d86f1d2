/**
 * comm's exception family and the error kinds shared by every transport.
 *
 * <h2>Glossary</h2>
 * <dl>
 * <dt>transport</dt>
 * <dd>The code for one or more URI schemes ({@code tcp}, {@code unix}, {@code ws},
 * {@code inproc}, {@code amqp}, ...) that dials, listens and moves frames, knowing
 * nothing of requests or routes.</dd>
 * <dt>connection</dt>
 * <dd>One transport-level channel to a peer that moves frames both ways, before any
 * handshake.</dd>
 * <dt>frame</dt>
 * <dd>One unit a connection moves: a hello, a refusal, a message (request, throw or
 * response) or a control signal such as a ping or a close notify.</dd>
 * <dt>hello</dt>
 * <dd>The first frame each side writes, carrying the client id and the protocol
 * extensions a side understands; a link opens once both hellos are read.</dd>
 * <dt>link</dt>
 * <dd>A connection after its handshake, with request correlation, timeouts, heartbeats
 * and dispatch of inbound messages to handlers, written once for every transport.</dd>
 * <dt>listener</dt>
 * <dd>The side that accepts connections on an address ({@code comm.listeners.*}) and
 * turns each into a link.</dd>
 * <dt>connector</dt>
 * <dd>The side that dials an address ({@code comm.connectors.*}) and keeps one link to it
 * open, dialling again with back-off when it drops.</dd>
 * <dt>peer</dt>
 * <dd>The process at the other end of a link, as a handler sees its caller or a listener
 * its connected clients; either side may call the other.</dd>
 * <dt>pool</dt>
 * <dd>A named group of members that a call goes to one of (random or round-robin) or a
 * broadcast goes to all of.</dd>
 * <dt>member</dt>
 * <dd>One entry of a pool: a connector this side dials, or a peer connected to one of its
 * listeners, live while it has a link.</dd>
 * <dt>session</dt>
 * <dd>What a server keeps per client id across a dropped link for a resume window, so
 * that a client reconnecting to the same server process gets the replies and calls it
 * missed.</dd>
 * <dt>route</dt>
 * <dd>The name a message is sent to and a {@code @CommHandler} method is registered
 * for.</dd>
 * <dt>request</dt>
 * <dd>A message to a route that waits for the handler's result, a typed error, a timeout
 * or the loss of the connection.</dd>
 * <dt>throw</dt>
 * <dd>A message to a route that is not answered: it returns once accepted for
 * sending.</dd>
 * </dl>
 */
package dev.comm;
