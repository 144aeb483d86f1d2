package dev.comm.codec;

import java.lang.reflect.Type;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON payloads through Jackson, the format communica's default serializer uses.
 */
public class JacksonPayloadCodec implements PayloadCodec {

	private static final byte[] EMPTY_AS_NULL = "null".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

	private final ObjectMapper mapper;

	public JacksonPayloadCodec() {
		this(JsonMapper.builder().build());
	}

	public JacksonPayloadCodec(ObjectMapper mapper) {
		this.mapper = mapper;
	}

	@Override
	public byte[] encode(Object value) {
		try {
			return this.mapper.writeValueAsBytes(value);
		}
		catch (JacksonException ex) {
			throw new PayloadConversionException(
					"Cannot encode " + value.getClass().getName() + " as JSON: " + ex.getOriginalMessage(), ex);
		}
	}

	@Override
	public Object decode(byte[] bytes, Type type) {
		JavaType javaType = this.mapper.getTypeFactory().constructType(type);
		try {
			return this.mapper.readValue((bytes.length > 0) ? bytes : EMPTY_AS_NULL, javaType);
		}
		catch (JacksonException ex) {
			throw new PayloadConversionException(
					"Payload does not convert to " + javaType + ": " + ex.getOriginalMessage(), ex);
		}
	}

}
