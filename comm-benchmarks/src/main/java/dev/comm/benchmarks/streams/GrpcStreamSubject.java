package dev.comm.benchmarks.streams;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.grpc.CallOptions;
import io.grpc.MethodDescriptor;
import io.grpc.ServerServiceDefinition;
import io.grpc.stub.ClientCalls;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.ServerCalls;
import io.grpc.stub.StreamObserver;

import dev.comm.benchmarks.GrpcLoopback;

/**
 * gRPC-java's server streaming over its default transport, the method described by hand
 * with a byte marshaller so that the items are the same JSON as comm's. The server sends
 * while the stream is ready, as gRPC's flow-control examples do, so that a slow caller
 * does not make it buffer the whole stream; the caller reads with an asynchronous
 * observer, gRPC's fastest way to take a stream in.
 */
final class GrpcStreamSubject implements StreamSubject {

	private static final MethodDescriptor<byte[], byte[]> TICKS = GrpcLoopback
		.method(MethodDescriptor.MethodType.SERVER_STREAMING, "bench.Ticks", "Stream");

	private final GrpcLoopback loopback;

	GrpcStreamSubject() throws IOException {
		ServerServiceDefinition service = ServerServiceDefinition.builder("bench.Ticks")
			.addMethod(TICKS, ServerCalls.asyncServerStreamingCall((request, responses) -> {
				int items = Integer.parseInt(new String(request, StandardCharsets.US_ASCII));
				ServerCallStreamObserver<byte[]> stream = (ServerCallStreamObserver<byte[]>) responses;
				int[] next = { 0 };
				// gRPC calls the handler again each time the stream can take more
				stream.setOnReadyHandler(() -> {
					while (stream.isReady() && next[0] < items) {
						stream.onNext(Tick.toJson(Tick.at(next[0]++)));
					}
					if (next[0] == items) {
						next[0]++;
						stream.onCompleted();
					}
				});
			}))
			.build();
		this.loopback = GrpcLoopback.serve(service);
	}

	@Override
	public String name() {
		return "gRPC";
	}

	@Override
	public long consume(int items) throws Exception {
		CompletableFuture<Long> done = new CompletableFuture<>();
		ClientCalls.asyncServerStreamingCall(this.loopback.channel().newCall(TICKS, CallOptions.DEFAULT),
				Integer.toString(items).getBytes(StandardCharsets.US_ASCII), new StreamObserver<>() {

					private long count;

					@Override
					public void onNext(byte[] item) {
						Tick.fromJson(item);
						this.count++;
					}

					@Override
					public void onError(Throwable ex) {
						done.completeExceptionally(ex);
					}

					@Override
					public void onCompleted() {
						done.complete(this.count);
					}

				});
		return done.get(5, TimeUnit.MINUTES);
	}

	@Override
	public void close() {
		this.loopback.close();
	}

}
