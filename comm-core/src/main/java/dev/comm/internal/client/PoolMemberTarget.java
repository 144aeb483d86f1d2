package dev.comm.internal.client;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import dev.comm.client.CommTarget;
import dev.comm.internal.session.Link;

/**
 * One member of a pool, by id: waits, up to the call's timeout, for a live member with
 * that id, which lets a server call a worker that has not connected yet.
 */
final class PoolMemberTarget extends AbstractCommTarget {

	private final String pool;

	private final String id;

	private final Supplier<List<ReachableMember>> members;

	PoolMemberTarget(String pool, String id, Supplier<List<ReachableMember>> members, TargetResources support,
			Duration timeout) {
		super(support, timeout);
		this.pool = pool;
		this.id = id;
		this.members = members;
	}

	@Override
	protected CompletableFuture<Link> link(Duration timeout) {
		ReachableMember live = find();
		if (live != null) {
			return live.link(timeout);
		}
		for (ReachableMember member : this.members.get()) {
			if (member.isResumable() && this.id.equals(member.id())) {
				// its session queues the call until it reconnects
				return member.link(timeout);
			}
		}
		return MemberWait.link(this::find, timeout, support().scheduler(),
				"live member '" + this.id + "' in pool '" + this.pool + "'");
	}

	private ReachableMember find() {
		// the newest live member with the id: a peer that reconnected may briefly have
		// its old link listed too
		ReachableMember found = null;
		for (ReachableMember member : this.members.get()) {
			if (member.isLive() && this.id.equals(member.id())) {
				found = member;
			}
		}
		return found;
	}

	@Override
	protected String targetName() {
		return this.pool;
	}

	@Override
	protected CommTarget copy(Duration timeout) {
		return new PoolMemberTarget(this.pool, this.id, this.members, support(), timeout);
	}

	@Override
	public String toString() {
		return "CommTarget[" + this.pool + "/" + this.id + "]";
	}

}
