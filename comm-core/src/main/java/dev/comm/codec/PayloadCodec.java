package dev.comm.codec;

import java.lang.reflect.Type;

/**
 * Converts payloads between objects and bytes. The target type always comes from the
 * handler's signature or the caller's requested type, never from the wire.
 */
public interface PayloadCodec {

	/**
	 * Encode a value.
	 * @param value the value, may be {@code null}
	 * @return the bytes
	 * @throws PayloadConversionException if the value cannot be encoded
	 */
	byte[] encode(Object value);

	/**
	 * Decode bytes into the given type.
	 * @param bytes the payload
	 * @param type the target type, possibly generic
	 * @return the value, may be {@code null}
	 * @throws PayloadConversionException if the bytes do not convert
	 */
	Object decode(byte[] bytes, Type type);

}
