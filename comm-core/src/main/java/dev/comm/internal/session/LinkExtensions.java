package dev.comm.internal.session;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import dev.comm.CommConnectionLostException;
import dev.comm.protocol.MessageFrame;

/**
 * A link's extensions, and which of them may take frames: only those whose feature both
 * hellos agreed. A frame finds its extension with one array index by message type.
 */
final class LinkExtensions {

	private static final int TYPES = 64;

	private static final LinkExtension[] NONE = new LinkExtension[0];

	private final List<LinkExtension.Factory> factories;

	private final List<LinkExtension> extensions;

	private volatile LinkExtension[] byType = NONE;

	private volatile List<LinkExtension> agreed = List.of();

	LinkExtensions(Link link, List<LinkExtension.Factory> factories) {
		this.factories = factories;
		this.extensions = new ArrayList<>(factories.size());
		for (LinkExtension.Factory factory : factories) {
			this.extensions.add(factory.create(link));
		}
	}

	/**
	 * The hellos are in: from now on the agreed extensions take their frames.
	 * @param features the agreed features
	 */
	void agree(Set<String> features) {
		if (this.factories.isEmpty()) {
			return;
		}
		LinkExtension[] table = new LinkExtension[TYPES];
		List<LinkExtension> active = new ArrayList<>();
		for (int i = 0; i < this.factories.size(); i++) {
			LinkExtension.Factory factory = this.factories.get(i);
			if (features.contains(factory.feature())) {
				active.add(this.extensions.get(i));
				for (int type : factory.messageTypes()) {
					table[type] = this.extensions.get(i);
				}
			}
		}
		this.agreed = List.copyOf(active);
		this.byType = table;
	}

	/**
	 * The extension that takes frames of a type.
	 * @param type the message type
	 * @return the agreed extension, or {@code null} when the link handles the type itself
	 */
	LinkExtension forType(int type) {
		LinkExtension[] table = this.byType;
		return (type >= 0 && type < table.length) ? table[type] : null;
	}

	<E extends LinkExtension> E get(Class<E> type) {
		for (LinkExtension extension : this.agreed) {
			if (type.isInstance(extension)) {
				return type.cast(extension);
			}
		}
		return null;
	}

	boolean unmatchedResponse(MessageFrame response) {
		for (LinkExtension extension : this.agreed) {
			if (extension.unmatchedResponse(response)) {
				return true;
			}
		}
		return false;
	}

	void closed(CommConnectionLostException lost) {
		for (LinkExtension extension : this.agreed) {
			extension.closed(lost);
		}
	}

}
