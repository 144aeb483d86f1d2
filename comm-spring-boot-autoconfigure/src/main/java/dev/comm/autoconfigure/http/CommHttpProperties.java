package dev.comm.autoconfigure.http;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Routes over HTTP ({@code comm.http.*}): off unless a path is set.
 */
@ConfigurationProperties("comm.http")
public class CommHttpProperties {

	/**
	 * The path under which routes are served, for example /comm: POST /comm/{route}.
	 * Unset serves no route over HTTP.
	 */
	private String path;

	/**
	 * The client id handlers see for calls that come over HTTP.
	 */
	private String clientId = "http";

	public String getPath() {
		return this.path;
	}

	public void setPath(String path) {
		this.path = path;
	}

	public String getClientId() {
		return this.clientId;
	}

	public void setClientId(String clientId) {
		this.clientId = clientId;
	}

}
