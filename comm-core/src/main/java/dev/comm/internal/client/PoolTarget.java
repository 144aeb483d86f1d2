package dev.comm.internal.client;

import java.lang.reflect.Type;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.concurrent.SubmissionPublisher;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;

import dev.comm.CommConnectionLostException;
import dev.comm.CommException;
import dev.comm.client.CommClient;
import dev.comm.client.CommPool;
import dev.comm.client.CommReply;
import dev.comm.client.CommTarget;
import dev.comm.client.PoolMember;
import dev.comm.client.PoolStrategy;
import dev.comm.client.ReplyType;
import dev.comm.internal.observation.CallObservation;
import dev.comm.internal.session.Link;
import dev.comm.internal.stream.StreamFailures;

/**
 * {@link CommPool} over members from a supplier that is asked again on every call, so
 * peers that connect or leave, and connectors that drop or come back, are seen at once.
 * Single calls go to a live member picked by the {@link PoolStrategy}; broadcasts go to
 * every member and gather one {@link CommReply} each.
 */
public final class PoolTarget extends AbstractCommTarget implements CommPool {

	private final String name;

	private final Supplier<List<ReachableMember>> members;

	private final PoolStrategy strategy;

	/**
	 * Create a pool.
	 * @param name the pool's name, for messages and {@link CommClient#to(String)}
	 * @param members supplies the current members, in a stable order
	 * @param strategy picks the member of each single call
	 * @param support payload conversion and timer
	 * @param timeout the request timeout of calls through the pool
	 */
	public PoolTarget(String name, Supplier<List<ReachableMember>> members, PoolStrategy strategy,
			TargetResources support, Duration timeout) {
		super(support, timeout);
		this.name = name;
		this.members = members;
		this.strategy = strategy;
	}

	@Override
	protected CompletableFuture<Link> link(Duration timeout) {
		List<ReachableMember> all = this.members.get();
		if (all.size() == 1) {
			// the common single-connector pool: nothing to choose, and the connector
			// waits for its own reconnect with its own message; this keeps the
			// per-request path free of the live-member scan
			return all.get(0).link(timeout);
		}
		ReachableMember live = chooseLive(all);
		if (live != null) {
			return live.link(timeout);
		}
		return MemberWait.link(() -> chooseLive(this.members.get()), timeout, support().scheduler(),
				"live member in pool '" + this.name + "'");
	}

	private ReachableMember chooseLive(List<ReachableMember> all) {
		List<ReachableMember> live = new ArrayList<>(all.size());
		for (ReachableMember member : all) {
			if (member.isLive()) {
				live.add(member);
			}
		}
		if (live.isEmpty()) {
			return null;
		}
		// the strategy sees members as the API shows them, and hands one of them back
		PoolMember chosen = this.strategy.choose(Collections.unmodifiableList(live));
		for (ReachableMember member : live) {
			if (member == chosen) {
				return member;
			}
		}
		throw new IllegalStateException("Pool strategy " + this.strategy + " chose " + chosen
				+ ", which is not a live member of pool '" + this.name + "'");
	}

	@Override
	protected String targetName() {
		return this.name;
	}

	@Override
	protected CommPool copy(Duration timeout) {
		return new PoolTarget(this.name, this.members, this.strategy, support(), timeout);
	}

	@Override
	public CommPool withTimeout(Duration timeout) {
		return copy(timeout);
	}

	@Override
	public String name() {
		return this.name;
	}

	@Override
	public List<String> memberIds() {
		return this.members.get().stream().filter(ReachableMember::isLive).map(ReachableMember::id).toList();
	}

	@Override
	public List<PoolMember> members() {
		return List.copyOf(this.members.get());
	}

	@Override
	public CommTarget member(String id) {
		return new PoolMemberTarget(this.name, id, this.members, support(), timeout());
	}

	@Override
	public <T> List<CommReply<T>> broadcast(String route, Object payload, Class<T> replyType) {
		return await(gather(route, payload, replyType));
	}

	@Override
	public <T> List<CommReply<T>> broadcast(String route, Object payload, ReplyType<T> replyType) {
		return await(gather(route, payload, replyType.getType()));
	}

	@Override
	public <T> CompletableFuture<List<CommReply<T>>> broadcastAsync(String route, Object payload, Class<T> replyType) {
		return gather(route, payload, replyType);
	}

	@Override
	public <T> Flow.Publisher<CommReply<T>> broadcastStream(String route, Object payload, Class<T> replyType) {
		return (subscriber) -> {
			byte[] bytes;
			try {
				bytes = support().codec().encode(payload);
			}
			catch (CommException ex) {
				StreamFailures.signal(subscriber, ex);
				return;
			}
			Duration timeout = timeout();
			List<CompletableFuture<CommReply<T>>> outcomes = each(route, false,
					(link, metadata) -> link.request(route, bytes, timeout, metadata),
					(reply) -> decode(reply, replyType));
			// room for every outcome, so that submitting never waits for the subscriber
			SubmissionPublisher<CommReply<T>> arrivals = new SubmissionPublisher<>(Runnable::run,
					Math.max(1, outcomes.size()));
			arrivals.subscribe(subscriber);
			AtomicInteger left = new AtomicInteger(outcomes.size());
			if (outcomes.isEmpty()) {
				arrivals.close();
			}
			outcomes.forEach((outcome) -> outcome.thenAccept((reply) -> {
				arrivals.submit(reply);
				if (left.decrementAndGet() == 0) {
					arrivals.close();
				}
			}));
		};
	}

	@Override
	public List<CommReply<Void>> sendAll(String route, Object payload) {
		byte[] bytes = support().codec().encode(payload);
		long start = System.nanoTime();
		// each member's throw is held back no longer than one throw to it would be
		return await(toEach(route, true,
				(link, metadata) -> acceptedWithin(link.send(route, bytes, metadata), route, start), (sent) -> null));
	}

	private <T> CompletableFuture<List<CommReply<T>>> gather(String route, Object payload, Type replyType) {
		// a payload that does not encode is the caller's bug, not a member's outcome
		byte[] bytes = support().codec().encode(payload);
		Duration timeout = timeout();
		return toEach(route, false, (link, metadata) -> link.request(route, bytes, timeout, metadata),
				(reply) -> decode(reply, replyType));
	}

	/**
	 * Run one exchange per member, each observed as a call of its own, and collect every
	 * outcome; a member that is neither live nor resuming fails at once instead of
	 * holding the others up.
	 */
	private <R, T> CompletableFuture<List<CommReply<T>>> toEach(String route, boolean isThrow,
			BiFunction<Link, Map<String, Object>, CompletableFuture<R>> exchange, Function<R, T> convert) {
		List<CompletableFuture<CommReply<T>>> outcomes = each(route, isThrow, exchange, convert);
		return CompletableFuture.allOf(outcomes.toArray(CompletableFuture[]::new))
			.thenApply((all) -> outcomes.stream().map(CompletableFuture::join).toList());
	}

	/** Start one exchange per member; each outcome completes, never exceptionally. */
	private <R, T> List<CompletableFuture<CommReply<T>>> each(String route, boolean isThrow,
			BiFunction<Link, Map<String, Object>, CompletableFuture<R>> exchange, Function<R, T> convert) {
		List<CompletableFuture<CommReply<T>>> outcomes = new ArrayList<>();
		for (ReachableMember member : this.members.get()) {
			CallObservation observation = support().observer().start(this.name, route, isThrow);
			boolean reachable = member.isLive() || member.isResumable();
			CompletableFuture<R> result = reachable ? member.link(timeout()).thenCompose((link) -> {
				observation.sentOn(link);
				return exchange.apply(link, observation.metadata());
			}) : CompletableFuture.failedFuture(new CommConnectionLostException(
					"Member '" + member.id() + "' of pool '" + this.name + "' is not connected"));
			outcomes.add(observation.end(result).handle((value, ex) -> outcome(member.id(), value, ex, convert)));
		}
		return outcomes;
	}

	private static <R, T> CommReply<T> outcome(String memberId, R value, Throwable ex, Function<R, T> convert) {
		if (ex != null) {
			return CommReply.failure(memberId, unwrap(ex));
		}
		try {
			return CommReply.success(memberId, convert.apply(value));
		}
		catch (RuntimeException conversion) {
			return CommReply.failure(memberId, conversion);
		}
	}

	@SuppressWarnings("unchecked")
	private <T> T decode(byte[] bytes, Type type) {
		return (T) support().codec().decode(bytes, type);
	}

	@Override
	public String toString() {
		return "CommPool[" + this.name + ", " + this.strategy + "]";
	}

}
