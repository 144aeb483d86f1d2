package dev.comm.observation;

/**
 * What a {@link CommCall} is: the value of the {@code kind} key and the first word of the
 * span's name.
 */
public enum CommCallKind {

	/** A request answered by one reply. */
	REQUEST("request"),

	/** A throw: no reply is awaited. */
	THROW("throw"),

	/**
	 * A stream request answered by items until the stream ends (extension
	 * {@code stream}).
	 */
	STREAM("stream");

	private final String value;

	CommCallKind(String value) {
		this.value = value;
	}

	/**
	 * The value of the {@code kind} key.
	 * @return {@code request}, {@code throw} or {@code stream}
	 */
	public String value() {
		return this.value;
	}

}
