package dev.comm.autoconfigure;

import java.time.Duration;

import dev.comm.internal.stream.StreamSettings;

/**
 * Streams ({@code comm.streams.*}): requests that handlers answer with many items.
 */
public class CommStreamsProperties {

	/**
	 * Whether links offer streams to their peers and can call streams of theirs.
	 */
	private boolean enabled = true;

	/**
	 * Most items a responder may send ahead of what the caller's subscriber consumed.
	 */
	private int window = StreamSettings.DEFAULTS.window();

	/**
	 * How long a caller waits for the next item while the responder has credit; the first
	 * item may take the request timeout.
	 */
	private Duration idleTimeout = StreamSettings.DEFAULTS.idleTimeout();

	/**
	 * How long a responder waits for credit from a caller that consumes nothing before it
	 * gives the stream up.
	 */
	private Duration creditTimeout = StreamSettings.DEFAULTS.creditTimeout();

	/**
	 * Most streams a peer may have this application serve at once on one link; one more
	 * ends at once with a requester fault.
	 */
	private int maxPerLink = StreamSettings.DEFAULTS.maxPerLink();

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public int getWindow() {
		return this.window;
	}

	public void setWindow(int window) {
		this.window = window;
	}

	public Duration getIdleTimeout() {
		return this.idleTimeout;
	}

	public void setIdleTimeout(Duration idleTimeout) {
		this.idleTimeout = idleTimeout;
	}

	public Duration getCreditTimeout() {
		return this.creditTimeout;
	}

	public void setCreditTimeout(Duration creditTimeout) {
		this.creditTimeout = creditTimeout;
	}

	public int getMaxPerLink() {
		return this.maxPerLink;
	}

	public void setMaxPerLink(int maxPerLink) {
		this.maxPerLink = maxPerLink;
	}

	StreamSettings toSettings() {
		return new StreamSettings(this.window, this.idleTimeout, this.creditTimeout, this.maxPerLink);
	}

}
