package dev.comm.benchmarks;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import io.grpc.MethodDescriptor;

/**
 * The marshaller of the gRPC cases' hand-written method descriptors: messages are the
 * bytes they are, so that gRPC carries the same JSON as every other case rather than
 * protobuf.
 */
final class GrpcBytes implements MethodDescriptor.Marshaller<byte[]> {

	/** The one instance; it keeps no state. */
	static final GrpcBytes MARSHALLER = new GrpcBytes();

	private GrpcBytes() {
	}

	@Override
	public InputStream stream(byte[] value) {
		return new ByteArrayInputStream(value);
	}

	@Override
	public byte[] parse(InputStream stream) {
		try {
			return stream.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
