package dev.comm.internal.client;

import java.security.Principal;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import dev.comm.CommConnectionLostException;
import dev.comm.client.CommPeer;
import dev.comm.client.CommTarget;
import dev.comm.internal.session.Link;

/**
 * A {@link CommPeer} bound to one link: calls go back over the connection the message
 * came on.
 */
public final class LinkPeer extends AbstractCommTarget implements CommPeer {

	private final Link link;

	public LinkPeer(Link link, TargetResources support, Duration timeout) {
		super(support, timeout);
		this.link = link;
	}

	@Override
	protected CompletableFuture<Link> link(Duration timeout) {
		if (!this.link.isOpen()) {
			return CompletableFuture.failedFuture(
					new CommConnectionLostException("The connection to " + this.link.remoteAddress() + " is closed"));
		}
		return CompletableFuture.completedFuture(this.link);
	}

	@Override
	protected String targetName() {
		return this.link.endpoint();
	}

	@Override
	protected CommTarget copy(Duration timeout) {
		return new LinkPeer(this.link, support(), timeout);
	}

	@Override
	public String clientId() {
		return this.link.peerClientId();
	}

	@Override
	public String remoteAddress() {
		return this.link.remoteAddress();
	}

	@Override
	public Principal principal() {
		return this.link.peerPrincipal();
	}

	@Override
	public String toString() {
		return "CommPeer[" + clientId() + " at " + remoteAddress() + "]";
	}

}
