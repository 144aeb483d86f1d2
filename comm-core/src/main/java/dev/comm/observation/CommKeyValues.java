package dev.comm.observation;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;

import dev.comm.observation.CommObservationDocumentation.HighCardinalityKeys;
import dev.comm.observation.CommObservationDocumentation.LowCardinalityKeys;

/**
 * The key values both default conventions derive from a {@link CommCall} the same way.
 */
final class CommKeyValues {

	static final String NONE = "none";

	/**
	 * At most this many distinct tag sets are kept: they are low-cardinality by design,
	 * but a caller naming routes from data must not make the cache grow without bound.
	 */
	private static final int CACHED_TAG_SETS = 4096;

	/**
	 * Tag sets by their values. Building a {@link KeyValues} sorts its values, and both
	 * sides of every call ask for one when the call starts and again when it ends: a
	 * profile of calls under load showed that sorting as a tenth of all the work.
	 */
	private static final Map<LowCardinality, KeyValues> TAG_SETS = new ConcurrentHashMap<>();

	/**
	 * At most this many peers' key values are kept: a peer's address changes with each of
	 * its connections.
	 */
	private static final int CACHED_PEERS = 4096;

	/** The peer key values of each client id and address. */
	private static final Map<String, Map<String, KeyValues>> PEERS = new ConcurrentHashMap<>();

	private static final AtomicInteger PEER_COUNT = new AtomicInteger();

	/** Contextual names by kind and route: "request orders.place", built once. */
	private static final Map<CommCallKind, Map<String, String>> NAMES = new EnumMap<>(CommCallKind.class);

	static {
		for (CommCallKind kind : CommCallKind.values()) {
			NAMES.put(kind, new ConcurrentHashMap<>());
		}
	}

	private CommKeyValues() {
	}

	static KeyValues lowCardinality(CommCall call, String route) {
		LowCardinality key = new LowCardinality(route, call.getKind(), orNone(call.getOutcome()),
				orNone(call.getTransport()), orNone(call.getEndpoint()));
		KeyValues cached = TAG_SETS.get(key);
		if (cached != null) {
			return cached;
		}
		KeyValues values = key.toKeyValues();
		if (TAG_SETS.size() < CACHED_TAG_SETS) {
			TAG_SETS.putIfAbsent(key, values);
		}
		return values;
	}

	static KeyValues highCardinality(CommCall call) {
		KeyValues peer = peer(call);
		if (!call.isStream()) {
			return peer;
		}
		// the count changes with every stream: never cached
		return peer.and(HighCardinalityKeys.STREAM_ITEMS.withValue(Long.toString(call.getItems())));
	}

	private static KeyValues peer(CommCall call) {
		String peerClientId = call.getPeerClientId();
		String peerAddress = call.getPeerAddress();
		if (peerClientId == null && peerAddress == null) {
			return KeyValues.empty();
		}
		// by client id, then address, so that finding them allocates nothing
		Map<String, KeyValues> byAddress = PEERS.get(orNone(peerClientId));
		KeyValues cached = (byAddress != null) ? byAddress.get(orNone(peerAddress)) : null;
		if (cached != null) {
			return cached;
		}
		KeyValues values = peerKeyValues(peerClientId, peerAddress);
		if (PEER_COUNT.get() < CACHED_PEERS) {
			Map<String, KeyValues> addresses = PEERS.computeIfAbsent(orNone(peerClientId),
					(id) -> new ConcurrentHashMap<>());
			if (addresses.putIfAbsent(orNone(peerAddress), values) == null) {
				PEER_COUNT.incrementAndGet();
			}
		}
		return values;
	}

	private static KeyValues peerKeyValues(String peerClientId, String peerAddress) {
		if (peerClientId == null) {
			return KeyValues.of(HighCardinalityKeys.PEER_ADDRESS.withValue(peerAddress));
		}
		KeyValue client = HighCardinalityKeys.PEER_CLIENT_ID.withValue(peerClientId);
		return (peerAddress != null) ? KeyValues.of(client, HighCardinalityKeys.PEER_ADDRESS.withValue(peerAddress))
				: KeyValues.of(client);
	}

	static String kind(CommCall call) {
		return call.getKind().value();
	}

	static String contextualName(CommCall call, String route) {
		Map<String, String> names = NAMES.get(call.getKind());
		String name = names.get(route);
		if (name == null) {
			name = kind(call) + " " + route;
			if (names.size() < CACHED_TAG_SETS) {
				names.putIfAbsent(route, name);
			}
		}
		return name;
	}

	private static String orNone(String value) {
		return (value != null && !value.isEmpty()) ? value : NONE;
	}

	private record LowCardinality(String route, CommCallKind kind, String outcome, String transport, String endpoint) {

		KeyValues toKeyValues() {
			return KeyValues.of(LowCardinalityKeys.ROUTE.withValue(this.route),
					LowCardinalityKeys.KIND.withValue(this.kind.value()),
					LowCardinalityKeys.OUTCOME.withValue(this.outcome),
					LowCardinalityKeys.TRANSPORT.withValue(this.transport),
					LowCardinalityKeys.ENDPOINT.withValue(this.endpoint));
		}

	}

}
