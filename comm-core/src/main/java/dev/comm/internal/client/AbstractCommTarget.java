package dev.comm.internal.client;

import java.lang.reflect.Type;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Stream;

import dev.comm.CommException;
import dev.comm.CommTimeoutException;
import dev.comm.client.CommTarget;
import dev.comm.client.ReplyType;
import dev.comm.internal.observation.CallObservation;
import dev.comm.internal.observation.StreamCallObservation;
import dev.comm.internal.session.Link;
import dev.comm.internal.session.ReplyCallbacks;
import dev.comm.internal.stream.BlockingStreams;
import dev.comm.internal.stream.StreamExtension;
import dev.comm.internal.stream.StreamFailures;

/**
 * The request and throw logic every target shares; subclasses only say how to get an open
 * {@link Link} in time.
 */
public abstract class AbstractCommTarget implements CommTarget {

	private final TargetResources support;

	private final Duration timeout;

	protected AbstractCommTarget(TargetResources support, Duration timeout) {
		if (timeout == null || timeout.isZero() || timeout.isNegative()) {
			throw new IllegalArgumentException("A request timeout must be positive, not " + timeout);
		}
		this.support = support;
		this.timeout = timeout;
	}

	/**
	 * An open link to send on, waiting for one up to {@code timeout}.
	 * @param timeout how long to wait for a link
	 * @return completes with an open link, or exceptionally with a timeout or connection
	 * error
	 */
	protected abstract CompletableFuture<Link> link(Duration timeout);

	/**
	 * The name calls through this target are observed under: the pool's or connector's,
	 * or for a peer the listener's or connector's whose link it is.
	 * @return the name
	 */
	protected abstract String targetName();

	/**
	 * A copy of this target with another timeout.
	 * @param timeout the timeout
	 * @return the copy
	 */
	protected abstract CommTarget copy(Duration timeout);

	protected final TargetResources support() {
		return this.support;
	}

	public final Duration timeout() {
		return this.timeout;
	}

	@Override
	public <T> T request(String route, Object payload, Class<T> replyType) {
		return decode(await(exchange(route, payload)), replyType);
	}

	@Override
	public <T> T request(String route, Object payload, ReplyType<T> replyType) {
		return decode(await(exchange(route, payload)), replyType.getType());
	}

	@Override
	public <T> CompletableFuture<T> requestAsync(String route, Object payload, Class<T> replyType) {
		return exchange(route, payload).thenApply((bytes) -> decode(bytes, replyType));
	}

	@Override
	public <T> CompletableFuture<T> requestAsync(String route, Object payload, ReplyType<T> replyType) {
		return exchange(route, payload).thenApply((bytes) -> decode(bytes, replyType.getType()));
	}

	@Override
	public <T> Flow.Publisher<T> requestStream(String route, Object payload, Class<T> itemType) {
		return stream(route, payload, itemType);
	}

	@Override
	public <T> Flow.Publisher<T> requestStream(String route, Object payload, ReplyType<T> itemType) {
		return stream(route, payload, itemType.getType());
	}

	@Override
	public <T> Stream<T> requestStreamBlocking(String route, Object payload, Class<T> itemType) {
		if (ReplyCallbacks.isRunning()) {
			throw new IllegalStateException("A blocking comm call from a requestAsync callback would wait for the "
					+ "thread that delivers its items; use requestStream");
		}
		return BlockingStreams.of(stream(route, payload, itemType));
	}

	private <T> Flow.Publisher<T> stream(String route, Object payload, Type itemType) {
		return (caller) -> {
			StreamCallObservation observation = this.support.observer().startStream(targetName(), route);
			Flow.Subscriber<? super T> subscriber = observation.observe(caller);
			long start = System.nanoTime();
			byte[] bytes;
			try {
				bytes = this.support.codec().encode(payload);
			}
			catch (CommException ex) {
				StreamFailures.signal(subscriber, ex);
				return;
			}
			link(this.timeout).whenComplete((link, ex) -> {
				if (ex != null) {
					StreamFailures.signal(subscriber, unwrap(ex));
					return;
				}
				observation.sentOn(link);
				StreamExtension streams = link.extension(StreamExtension.class);
				if (streams == null) {
					StreamFailures.signal(subscriber,
							new CommException("Cannot call stream '" + route + "': the peer at " + link.remoteAddress()
									+ " does not support streams (its hello lacks the 'stream' extension; a "
									+ "communica peer or a comm peer with comm.streams.enabled=false)"));
					return;
				}
				streams.call(route, bytes, (item) -> decode(item, itemType), MemberWait.remaining(this.timeout, start),
						subscriber, observation.metadata());
			});
		};
	}

	@Override
	public void send(String route, Object payload) {
		CallObservation observation = this.support.observer().start(targetName(), route, true);
		long start = System.nanoTime();
		CompletableFuture<Void> sent;
		try {
			byte[] bytes = this.support.codec().encode(payload);
			sent = onLink(this.timeout, (link) -> {
				observation.sentOn(link);
				return link.send(route, bytes, observation.metadata());
			});
		}
		catch (CommException ex) {
			sent = CompletableFuture.failedFuture(ex);
		}
		await(observation.end(acceptedWithin(sent, route, start)));
	}

	/**
	 * Bound the wait of a throw that the connection holds back because the receiver reads
	 * too slowly: a sender is slowed down, but no longer than a call may take.
	 */
	protected final CompletableFuture<Void> acceptedWithin(CompletableFuture<Void> sent, String route, long start) {
		if (sent.isDone()) {
			return sent;
		}
		Duration left = MemberWait.remaining(this.timeout, start);
		ScheduledFuture<?> timer = this.support.scheduler()
			.schedule(
					() -> sent.completeExceptionally(new CommTimeoutException(
							"Throw '" + route + "' to " + targetName() + " was not accepted for sending within "
									+ this.timeout.toMillis()
									+ " ms, as the receiver is not keeping up; it may still be delivered. Slow down, "
									+ "or raise the timeout or the receiver's comm.limits.throws-in-flight",
							this.timeout)),
					left.toNanos(), TimeUnit.NANOSECONDS);
		sent.whenComplete((ignored, ex) -> timer.cancel(false));
		return sent;
	}

	@Override
	public CommTarget withTimeout(Duration timeout) {
		return copy(timeout);
	}

	private CompletableFuture<byte[]> exchange(String route, Object payload) {
		CallObservation observation = this.support.observer().start(targetName(), route, false);
		byte[] bytes;
		try {
			bytes = this.support.codec().encode(payload);
		}
		catch (CommException ex) {
			return observation.end(CompletableFuture.failedFuture(ex));
		}
		long start = System.nanoTime();
		return observation.end(onLink(this.timeout, (link) -> {
			observation.sentOn(link);
			return link.request(route, bytes, MemberWait.remaining(this.timeout, start), observation.metadata());
		}));
	}

	/**
	 * Run {@code action} on an open link, at once when there is one: composing on an
	 * already completed future would cost two more futures per call.
	 */
	private <R> CompletableFuture<R> onLink(Duration timeout, Function<Link, CompletableFuture<R>> action) {
		CompletableFuture<Link> link = link(timeout);
		if (link.isDone() && !link.isCompletedExceptionally()) {
			try {
				return action.apply(link.join());
			}
			catch (RuntimeException ex) {
				return CompletableFuture.failedFuture(ex);
			}
		}
		return link.thenCompose(action);
	}

	@SuppressWarnings("unchecked")
	private <T> T decode(byte[] bytes, Type type) {
		return (T) this.support.codec().decode(bytes, type);
	}

	/**
	 * Wait for a future, rethrowing comm's exceptions as they are.
	 * @param <T> the result type
	 * @param future the future
	 * @return its value
	 */
	static <T> T await(CompletableFuture<T> future) {
		if (ReplyCallbacks.isRunning()) {
			throw new IllegalStateException("A blocking comm call from a requestAsync callback would wait for the "
					+ "thread that delivers its reply; compose with requestAsync, or continue on an executor of your "
					+ "own (thenApplyAsync(fn, executor))");
		}
		try {
			return future.get();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new CommException("Interrupted while waiting for a reply", ex);
		}
		catch (ExecutionException | CompletionException ex) {
			throw unwrap(ex.getCause());
		}
		catch (CancellationException ex) {
			throw new CommException("The request was cancelled", ex);
		}
	}

	static RuntimeException unwrap(Throwable cause) {
		while (cause instanceof CompletionException && cause.getCause() != null) {
			cause = cause.getCause();
		}
		if (cause instanceof RuntimeException runtime) {
			return runtime;
		}
		return new CommException(String.valueOf(cause.getMessage()), cause);
	}

}
