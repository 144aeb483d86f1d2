package dev.comm.benchmarks;

import java.io.IOException;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.grpc.CallOptions;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.InsecureServerCredentials;
import io.grpc.ManagedChannel;
import io.grpc.MethodDescriptor;
import io.grpc.Server;
import io.grpc.ServerServiceDefinition;
import io.grpc.stub.ClientCalls;
import io.grpc.stub.ServerCalls;
import io.grpc.stub.StreamObserver;

/**
 * gRPC-java unary calls over its default (shaded Netty) transport with default executors.
 * The method is described by hand with a byte marshaller, so the payload is the same JSON
 * as every other case rather than protobuf.
 */
final class GrpcSubject implements Subject {

	private static final MethodDescriptor<byte[], byte[]> QUOTE = MethodDescriptor.<byte[], byte[]>newBuilder()
		.setType(MethodDescriptor.MethodType.UNARY)
		.setFullMethodName(MethodDescriptor.generateFullMethodName("bench.Quotes", "Quote"))
		.setRequestMarshaller(GrpcBytes.MARSHALLER)
		.setResponseMarshaller(GrpcBytes.MARSHALLER)
		.build();

	private final Server server;

	private final ManagedChannel channel;

	GrpcSubject() throws IOException {
		ServerServiceDefinition service = ServerServiceDefinition.builder("bench.Quotes")
			.addMethod(QUOTE, ServerCalls.asyncUnaryCall((request, responses) -> {
				responses.onNext(Quote.toJson(Quote.fromJson(request).next()));
				responses.onCompleted();
			}))
			.build();
		this.server = Grpc.newServerBuilderForPort(0, InsecureServerCredentials.create())
			.addService(service)
			.build()
			.start();
		this.channel = Grpc
			.newChannelBuilderForAddress("127.0.0.1", this.server.getPort(), InsecureChannelCredentials.create())
			.build();
	}

	@Override
	public String name() {
		return "gRPC";
	}

	@Override
	public Family family() {
		return Family.GRPC;
	}

	@Override
	public Set<Shape> shapes() {
		return EnumSet.of(Shape.LATENCY, Shape.THROUGHPUT);
	}

	@Override
	public CompletableFuture<Quote> request(Quote quote) {
		CompletableFuture<Quote> reply = new CompletableFuture<>();
		ClientCalls.asyncUnaryCall(this.channel.newCall(QUOTE, CallOptions.DEFAULT), Quote.toJson(quote),
				new StreamObserver<>() {
					@Override
					public void onNext(byte[] value) {
						reply.complete(Quote.fromJson(value));
					}

					@Override
					public void onError(Throwable ex) {
						reply.completeExceptionally(ex);
					}

					@Override
					public void onCompleted() {
					}
				});
		return reply;
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
