package dev.comm.codec;

import java.lang.reflect.Type;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON payloads through Jackson, the format communica's default serializer uses.
 * <p>
 * Readers and writers are kept per type: a mapper's {@code readValue} and
 * {@code writeValueAsBytes} resolve the type and look up its (de)serializer on every
 * call, which for a small payload costs as much as the conversion itself. The types come
 * from handler signatures and callers' requested types, so there are few; past
 * {@link #MAX_CACHED_TYPES} the codec converts without caching rather than grow.
 */
public class JacksonPayloadCodec implements PayloadCodec {

	/** Types whose reader or writer is kept, at most. */
	static final int MAX_CACHED_TYPES = 1024;

	private static final byte[] EMPTY_AS_NULL = "null".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

	private final ObjectMapper mapper;

	private final Map<Type, ObjectReader> readers = new ConcurrentHashMap<>();

	private final Map<Class<?>, ObjectWriter> writers = new ConcurrentHashMap<>();

	public JacksonPayloadCodec() {
		this(JsonMapper.builder().build());
	}

	public JacksonPayloadCodec(ObjectMapper mapper) {
		this.mapper = mapper;
	}

	@Override
	public byte[] encode(Object value) {
		try {
			return (value != null) ? writer(value.getClass()).writeValueAsBytes(value)
					: this.mapper.writeValueAsBytes(null);
		}
		catch (JacksonException ex) {
			throw new PayloadConversionException(
					"Cannot encode " + value.getClass().getName() + " as JSON: " + ex.getOriginalMessage(), ex);
		}
	}

	@Override
	public Object decode(byte[] bytes, Type type) {
		ObjectReader reader = reader(type);
		try {
			return reader.readValue((bytes.length > 0) ? bytes : EMPTY_AS_NULL);
		}
		catch (JacksonException ex) {
			throw new PayloadConversionException(
					"Payload does not convert to " + reader.getValueType() + ": " + ex.getOriginalMessage(), ex);
		}
	}

	private ObjectWriter writer(Class<?> type) {
		ObjectWriter writer = this.writers.get(type);
		if (writer == null) {
			// the runtime class, as writeValueAsBytes(value) would use
			writer = this.mapper.writerFor(type);
			if (this.writers.size() < MAX_CACHED_TYPES) {
				this.writers.put(type, writer);
			}
		}
		return writer;
	}

	private ObjectReader reader(Type type) {
		ObjectReader reader = this.readers.get(type);
		if (reader == null) {
			JavaType javaType = this.mapper.getTypeFactory().constructType(type);
			reader = this.mapper.readerFor(javaType);
			if (this.readers.size() < MAX_CACHED_TYPES) {
				this.readers.put(type, reader);
			}
		}
		return reader;
	}

}
