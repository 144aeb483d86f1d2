package dev.comm.internal.session;

import java.util.Set;

import dev.comm.CommConnectionLostException;
import dev.comm.protocol.MessageFrame;

/**
 * A protocol extension that plugs into a {@link Link} by composition: the link hands it
 * the frames of the message types it claims, once both hellos agreed its feature, and it
 * writes its own frames through {@link Link#sendFrame(MessageFrame)}. One instance per
 * link.
 */
public interface LinkExtension {

	/**
	 * Take a frame of one of the {@link Factory#messageTypes() claimed types}. Called on
	 * the thread that received it; must not block.
	 * @param frame the frame, well-formed and within the frame limit
	 */
	void frame(MessageFrame frame);

	/**
	 * A response arrived for no request of the link: it may be a peer's answer to a frame
	 * of this extension's that the peer took for a plain message, as a peer without the
	 * extension does over a carrier that has no hello to say so (AMQP).
	 * @param response the response
	 * @return whether the extension took it
	 */
	default boolean unmatchedResponse(MessageFrame response) {
		return false;
	}

	/**
	 * The link closed: free whatever belongs to it.
	 * @param lost what requests in flight on the link fail with
	 */
	void closed(CommConnectionLostException lost);

	/**
	 * Makes the extension of each link; shared by the links of an endpoint.
	 */
	interface Factory {

		/**
		 * The feature (section 5.4 of the protocol) that both sides must announce.
		 * @return the feature's name
		 */
		String feature();

		/**
		 * The message types whose frames go to the extension instead of the link.
		 * @return the types, each from 0 to 63
		 */
		Set<Integer> messageTypes();

		/**
		 * The extension of one link, made when the link is.
		 * @param link the link
		 * @return the extension
		 */
		LinkExtension create(Link link);

	}

}
