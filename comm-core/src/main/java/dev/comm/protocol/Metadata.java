package dev.comm.protocol;

import java.util.Map;

/**
 * A message's metadata: its id, type, optional route and any other keys the sender put
 * there. Unknown keys are kept so that a response can echo them, as communica peers
 * expect.
 *
 * @param id the request id ({@code ""} for a throw)
 * @param type the message type, see {@link MessageType}
 * @param route the route, or {@code null} for an unrouted (simple-style) message
 * @param extra other keys, in the order they arrived; never {@code null}
 */
public record Metadata(String id, int type, String route, Map<String, Object> extra) {

	public Metadata {
		extra = (extra != null) ? extra : Map.of();
	}

	public static Metadata of(String id, int type, String route) {
		return new Metadata(id, type, route, Map.of());
	}

	/**
	 * The metadata of a response to this message: the same keys with only the type
	 * replaced.
	 * @param responseType the response type
	 * @return the response metadata
	 */
	public Metadata responseOf(int responseType) {
		return new Metadata(this.id, responseType, this.route, this.extra);
	}

}
