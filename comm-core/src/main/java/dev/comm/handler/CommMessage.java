package dev.comm.handler;

import java.lang.reflect.Type;

import dev.comm.client.CommPeer;
import dev.comm.codec.PayloadCodec;

/**
 * A request or throw as a handler may see it: the route, whether a reply is expected, the
 * caller, and the payload, convertible on demand.
 */
public final class CommMessage {

	private final String route;

	private final boolean isThrow;

	private final byte[] payload;

	private final CommPeer peer;

	private final PayloadCodec codec;

	public CommMessage(String route, boolean isThrow, byte[] payload, CommPeer peer, PayloadCodec codec) {
		this.route = route;
		this.isThrow = isThrow;
		this.payload = payload;
		this.peer = peer;
		this.codec = codec;
	}

	/**
	 * The route, or {@code null} for a message sent without one.
	 * @return the route
	 */
	public String getRoute() {
		return this.route;
	}

	/**
	 * Whether this is a throw, whose return value nobody receives.
	 * @return whether no reply is expected
	 */
	public boolean isThrow() {
		return this.isThrow;
	}

	public CommPeer getPeer() {
		return this.peer;
	}

	/**
	 * The payload as it arrived.
	 * @return a copy of the payload bytes
	 */
	public byte[] getPayload() {
		return this.payload.clone();
	}

	/**
	 * The payload converted to a type.
	 * @param <T> the type
	 * @param type the class
	 * @return the payload
	 * @throws dev.comm.codec.PayloadConversionException if it does not convert
	 */
	public <T> T getPayload(Class<T> type) {
		return type.cast(this.codec.decode(this.payload, type));
	}

	/**
	 * The payload converted to a possibly generic type.
	 * @param type the type
	 * @return the payload
	 */
	public Object getPayload(Type type) {
		return this.codec.decode(this.payload, type);
	}

	@Override
	public String toString() {
		return "CommMessage[" + (this.isThrow ? "throw " : "request ") + this.route + " from " + this.peer + "]";
	}

}
