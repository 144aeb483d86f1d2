package dev.comm.internal.handler;

import java.util.List;

import dev.comm.client.CommPeer;
import dev.comm.handler.CommMessage;
import dev.comm.handler.HandlerArgumentResolver;

/**
 * The parameter kinds every handler method may declare, after any the application adds:
 * the caller, the raw message, then the payload.
 */
public final class DefaultArgumentResolvers {

	private DefaultArgumentResolvers() {
	}

	/**
	 * The built-in resolvers, in the order they are asked.
	 * @return the resolvers
	 */
	public static List<HandlerArgumentResolver> all() {
		return List.of(new TypeArgumentResolver(CommPeer.class, CommMessage::getPeer),
				new TypeArgumentResolver(CommMessage.class, (message) -> message), new PayloadArgumentResolver());
	}

}
