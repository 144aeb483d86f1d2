package dev.comm.protocol;

import java.util.Arrays;
import java.util.Map;

/**
 * The common shapes of message metadata, written and read without a JSON library: an
 * object of {@code id}, {@code type} and an optional {@code route} whose strings need no
 * escaping. This is the metadata of nearly every message, and building and walking a map
 * through a general JSON mapper for it costs more than the rest of a small message's
 * encoding. Anything else (extra keys, escapes, unusual numbers) is left to the general
 * path in {@link FrameCodec}, so both paths yield the same bytes and the same
 * {@link Metadata}.
 */
final class MetadataJson {

	private static final byte[] ID_KEY = ascii("{\"id\":\"");

	private static final byte[] TYPE_KEY = ascii("\",\"type\":");

	private static final byte[] ROUTE_KEY = ascii(",\"route\":\"");

	private MetadataJson() {
	}

	/**
	 * The size of the metadata as Jackson writes its map, when it has the common shape;
	 * {@link #write} then writes the same bytes.
	 * @param metadata the metadata
	 * @return the size in bytes, or -1 when the general path must write it
	 */
	static int size(Metadata metadata) {
		String id = metadata.id();
		String route = metadata.route();
		if (!metadata.extra().isEmpty() || !isPlain(id) || (route != null && !isPlain(route))) {
			return -1;
		}
		int size = ID_KEY.length + id.length() + TYPE_KEY.length + digits(metadata.type()) + 1;
		if (route != null) {
			size += ROUTE_KEY.length + route.length() + 1;
		}
		return size;
	}

	/**
	 * Write metadata of the common shape into a frame being built, so that it is not
	 * encoded into an array of its own first and then copied.
	 * @param metadata metadata for which {@link #size} is not -1
	 * @param bytes the frame
	 * @param at where the metadata goes
	 */
	static void write(Metadata metadata, byte[] bytes, int at) {
		at = put(bytes, at, ID_KEY);
		at = put(bytes, at, metadata.id());
		at = put(bytes, at, TYPE_KEY);
		at = putInt(bytes, at, metadata.type());
		if (metadata.route() != null) {
			at = put(bytes, at, ROUTE_KEY);
			at = put(bytes, at, metadata.route());
			bytes[at++] = '"';
		}
		bytes[at] = '}';
	}

	/** Characters of a decimal int, the sign included. */
	private static int digits(int value) {
		int digits = (value < 0) ? 2 : 1;
		for (long rest = Math.abs((long) value); rest >= 10; rest /= 10) {
			digits++;
		}
		return digits;
	}

	private static int putInt(byte[] bytes, int at, int value) {
		int end = at + digits(value);
		long rest = Math.abs((long) value);
		int i = end;
		do {
			bytes[--i] = (byte) ('0' + rest % 10);
			rest /= 10;
		}
		while (rest > 0);
		if (value < 0) {
			bytes[at] = '-';
		}
		return end;
	}

	/**
	 * Read metadata of the common shape, in any key order and with any JSON whitespace.
	 * @param bytes the buffer
	 * @param offset where the JSON starts
	 * @param length its length
	 * @return the metadata, or {@code null} when the general path must read it (which
	 * also reports what is wrong with it)
	 */
	static Metadata decode(byte[] bytes, int offset, int length) {
		return new Reader(bytes, offset, offset + length).read();
	}

	/**
	 * Whether a string is written as its own ASCII characters inside quotes: printable
	 * ASCII without the quote and the backslash, which JSON escapes.
	 */
	private static boolean isPlain(String value) {
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c < 0x20 || c > 0x7E || c == '"' || c == '\\') {
				return false;
			}
		}
		return true;
	}

	private static int put(byte[] bytes, int at, byte[] part) {
		System.arraycopy(part, 0, bytes, at, part.length);
		return at + part.length;
	}

	@SuppressWarnings("deprecation")
	private static int put(byte[] bytes, int at, String plain) {
		// plain strings are ASCII, one byte per char
		plain.getBytes(0, plain.length(), bytes, at);
		return at + plain.length();
	}

	private static byte[] ascii(String text) {
		return text.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
	}

	/** A one-pass reader that gives up at the first thing outside the common shape. */
	private static final class Reader {

		private final byte[] bytes;

		private final int end;

		private int at;

		Reader(byte[] bytes, int start, int end) {
			this.bytes = bytes;
			this.at = start;
			this.end = end;
		}

		Metadata read() {
			String id = null;
			String route = null;
			long type = Long.MIN_VALUE;
			if (!skipTo('{')) {
				return null;
			}
			do {
				Key key = readKey();
				if (key == null || !skipTo(':')) {
					return null;
				}
				skipWhitespace();
				switch (key) {
					case ID -> {
						if (id != null || (id = readString()) == null) {
							return null;
						}
					}
					case ROUTE -> {
						if (route != null || (route = readString()) == null) {
							return null;
						}
					}
					case TYPE -> {
						if (type != Long.MIN_VALUE || (type = readInt()) == Long.MIN_VALUE) {
							return null;
						}
					}
				}
				skipWhitespace();
				if (this.at >= this.end) {
					return null;
				}
			}
			while (this.bytes[this.at++] == ',');
			if (this.bytes[this.at - 1] != '}' || id == null || type == Long.MIN_VALUE || !onlyWhitespaceLeft()) {
				return null;
			}
			return new Metadata(id, (int) type, route, Map.of());
		}

		private boolean skipTo(char expected) {
			skipWhitespace();
			return this.at < this.end && this.bytes[this.at++] == expected;
		}

		private void skipWhitespace() {
			while (this.at < this.end && isWhitespace(this.bytes[this.at])) {
				this.at++;
			}
		}

		private boolean onlyWhitespaceLeft() {
			skipWhitespace();
			return this.at == this.end;
		}

		/**
		 * One of the known keys, compared in place: a key string per key and message
		 * would be garbage on the hottest path.
		 * @return the key, or null for any other key or anything but a plain string
		 */
		private Key readKey() {
			skipWhitespace();
			for (Key key : Key.VALUES) {
				byte[] quoted = key.quoted;
				if (Arrays.equals(this.bytes, this.at, Math.min(this.at + quoted.length, this.end), quoted, 0,
						quoted.length)) {
					this.at += quoted.length;
					return key;
				}
			}
			return null;
		}

		/** A quoted string of plain ASCII, or null. */
		@SuppressWarnings("deprecation")
		private String readString() {
			skipWhitespace();
			if (this.at >= this.end || this.bytes[this.at] != '"') {
				return null;
			}
			int start = ++this.at;
			while (this.at < this.end) {
				byte b = this.bytes[this.at];
				if (b == '"') {
					this.at++;
					return new String(this.bytes, 0, start, this.at - 1 - start);
				}
				if (b < 0x20 || b > 0x7E || b == '\\') {
					return null;
				}
				this.at++;
			}
			return null;
		}

		/** A JSON integer of up to nine digits, or Long.MIN_VALUE. */
		private long readInt() {
			boolean negative = this.at < this.end && this.bytes[this.at] == '-';
			if (negative) {
				this.at++;
			}
			int start = this.at;
			long value = 0;
			while (this.at < this.end && this.bytes[this.at] >= '0' && this.bytes[this.at] <= '9') {
				value = value * 10 + (this.bytes[this.at++] - '0');
			}
			int digits = this.at - start;
			if (digits == 0 || digits > 9 || (digits > 1 && this.bytes[start] == '0')) {
				return Long.MIN_VALUE;
			}
			if (this.at < this.end
					&& (this.bytes[this.at] == '.' || this.bytes[this.at] == 'e' || this.bytes[this.at] == 'E')) {
				return Long.MIN_VALUE;
			}
			return negative ? -value : value;
		}

		private static boolean isWhitespace(byte b) {
			return b == ' ' || b == '\t' || b == '\n' || b == '\r';
		}

	}

	/** The keys of the common shape, as they appear quoted. */
	private enum Key {

		ID("id"), TYPE("type"), ROUTE("route");

		static final Key[] VALUES = values();

		final byte[] quoted;

		Key(String name) {
			this.quoted = ascii('"' + name + '"');
		}

	}

}
