package dev.comm.autoconfigure;

/**
 * The bean names of the endpoints that properties describe, as README documents them;
 * {@link CommEndpoints} gives each endpoint its names from here, and everything else
 * reads them from the model.
 */
final class CommEndpointNames {

	private CommEndpointNames() {
	}

	static String listener(String name) {
		return name + "CommListener";
	}

	static String peers(String listener) {
		return listener + "CommPeers";
	}

	static String pool(String name) {
		return name + "CommPool";
	}

	/**
	 * The bean name of one of a connector's URIs: the plain name when there is one URI,
	 * numbered from 1 otherwise.
	 */
	static String connector(String name, int index, int count) {
		return (count == 1) ? name + "CommConnector" : name + "CommConnector" + (index + 1);
	}

	/**
	 * The {@link dev.comm.internal.client.DefaultCommConnector#name() name} of one of a
	 * connector's URIs, as logs show it.
	 */
	static String connectorName(String name, int index, int count) {
		return (count == 1) ? name : name + "#" + (index + 1);
	}

}
