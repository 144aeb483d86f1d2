package dev.comm.benchmarks;

import java.io.IOException;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import io.grpc.CallOptions;
import io.grpc.MethodDescriptor;
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

	private static final MethodDescriptor<byte[], byte[]> QUOTE = GrpcLoopback.method(MethodDescriptor.MethodType.UNARY,
			"bench.Quotes", "Quote");

	private final GrpcLoopback loopback;

	GrpcSubject() throws IOException {
		ServerServiceDefinition service = ServerServiceDefinition.builder("bench.Quotes")
			.addMethod(QUOTE, ServerCalls.asyncUnaryCall((request, responses) -> {
				responses.onNext(Quote.toJson(Quote.fromJson(request).next()));
				responses.onCompleted();
			}))
			.build();
		this.loopback = GrpcLoopback.serve(service);
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
		ClientCalls.asyncUnaryCall(this.loopback.channel().newCall(QUOTE, CallOptions.DEFAULT), Quote.toJson(quote),
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
		this.loopback.close();
	}

}
