package dev.comm.internal.session;

import dev.comm.protocol.MessageType;
import dev.comm.protocol.Metadata;

/**
 * A request or throw as it arrived, with the link it came on (to call the sender back).
 *
 * @param metadata the message's metadata
 * @param payload the raw payload
 * @param link the link it arrived on
 */
public record InboundMessage(Metadata metadata, byte[] payload, Link link) {

	public String route() {
		return this.metadata.route();
	}

	public boolean isThrow() {
		return this.metadata.type() == MessageType.THROW;
	}

}
