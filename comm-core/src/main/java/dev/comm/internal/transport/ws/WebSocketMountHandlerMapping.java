package dev.comm.internal.transport.ws;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.handler.AbstractHandlerMapping;
import org.springframework.web.util.UrlPathHelper;

/**
 * Routes requests for the paths of mounted ws listeners to their WebSocket handshake, on
 * the application's {@code DispatcherServlet}. Paths are looked up per request, so a
 * listener that starts later (or stops) needs no new mapping; a path without a listener
 * falls through to the application's other mappings, which usually answer 404.
 */
public class WebSocketMountHandlerMapping extends AbstractHandlerMapping {

	private final WebSocketMounts mounts;

	/**
	 * Create a mapping, ordered before the application's controllers and static
	 * resources, so that a catch-all resource mapping cannot hide a listener.
	 * @param mounts the mounted listeners
	 */
	public WebSocketMountHandlerMapping(WebSocketMounts mounts) {
		this.mounts = mounts;
		setOrder(Ordered.HIGHEST_PRECEDENCE + 100);
	}

	@Override
	protected Object getHandlerInternal(HttpServletRequest request) {
		return this.mounts.handlerFor(UrlPathHelper.defaultInstance.getPathWithinApplication(request));
	}

}
