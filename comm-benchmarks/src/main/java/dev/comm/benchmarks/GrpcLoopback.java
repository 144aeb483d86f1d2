package dev.comm.benchmarks;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.InsecureServerCredentials;
import io.grpc.ManagedChannel;
import io.grpc.MethodDescriptor;
import io.grpc.Server;
import io.grpc.ServerServiceDefinition;

/**
 * A gRPC-java server on a loopback port with gRPC's default transport and executors, and
 * one plaintext channel to it: how the gRPC cases run the service they measure.
 */
public final class GrpcLoopback implements AutoCloseable {

	private final Server server;

	private final ManagedChannel channel;

	private GrpcLoopback(Server server) {
		this.server = server;
		this.channel = Grpc
			.newChannelBuilderForAddress("127.0.0.1", server.getPort(), InsecureChannelCredentials.create())
			.build();
	}

	/**
	 * Start a server for the service and open a channel to it.
	 * @param service the service, its methods described with {@link #method}
	 * @return the running pair
	 * @throws IOException if the server cannot bind
	 */
	public static GrpcLoopback serve(ServerServiceDefinition service) throws IOException {
		return new GrpcLoopback(Grpc.newServerBuilderForPort(0, InsecureServerCredentials.create())
			.addService(service)
			.build()
			.start());
	}

	/**
	 * A method described by hand whose messages are the bytes they are, so that gRPC
	 * carries the same JSON as every other case rather than protobuf.
	 * @param type unary, server streaming, ...
	 * @param service the service's full name
	 * @param method the method's name
	 * @return the description
	 */
	public static MethodDescriptor<byte[], byte[]> method(MethodDescriptor.MethodType type, String service,
			String method) {
		return MethodDescriptor.<byte[], byte[]>newBuilder()
			.setType(type)
			.setFullMethodName(MethodDescriptor.generateFullMethodName(service, method))
			.setRequestMarshaller(GrpcBytes.MARSHALLER)
			.setResponseMarshaller(GrpcBytes.MARSHALLER)
			.build();
	}

	/**
	 * The channel to the server.
	 * @return the channel
	 */
	public ManagedChannel channel() {
		return this.channel;
	}

	@Override
	public void close() {
		this.channel.shutdownNow();
		this.server.shutdownNow();
		try {
			this.channel.awaitTermination(5, TimeUnit.SECONDS);
			this.server.awaitTermination(5, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
