package dev.comm.internal.transport.stream;

import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;

import dev.comm.CommConnectionLostException;
import dev.comm.protocol.FrameCodec;
import dev.comm.protocol.MessageFrame;

/**
 * Encoded frames on their way to one channel. Senders on any thread only queue; one task
 * on the channel's event loop copies everything queued into a few buffers and flushes
 * once, so that frames sent close together share one system call and no sender waits for
 * the event loop.
 * <p>
 * A send is accepted at once while the channel can take more; once Netty's outbound
 * buffer is above its high-water mark or too many bytes wait here, the sender's future
 * completes only when the backlog has drained, which is how a fast sender of throws is
 * held back by a slow peer. A frame that fails to write is reported through the pipeline
 * (the void promise), which closes the connection and fails its requests.
 */
final class WriteBatcher {

	/**
	 * Frames go out copied into buffers of this size, many to a buffer: a buffer per
	 * frame would cost the channel an allocation, a copy and a bookkeeping entry each.
	 */
	static final int BATCH_SIZE = 64 * 1024;

	/**
	 * Bytes queued by the event loop's own thread at which they are written at once,
	 * instead of when the loop's current work is done.
	 */
	static final int EARLY_DRAIN = 8 * 1024;

	/**
	 * Largest message head (length prefix to metadata end) the event loop writes into its
	 * buffer itself; a message with a larger one is queued already encoded.
	 */
	static final int MAX_HEAD = 512;

	/** Bytes queued here, beyond Netty's own buffer, before senders are held back. */
	static final long HIGH_WATER_MARK = 256 * 1024;

	private static final CompletableFuture<Void> ACCEPTED = CompletableFuture.completedFuture(null);

	private final Channel channel;

	private final String remoteAddress;

	/**
	 * Frames in line: encoded bytes, or messages whose head the event loop writes into
	 * the batch and whose payload it copies there, which saves an array and a copy of the
	 * whole frame per message.
	 */
	private final Queue<Object> frames = new ConcurrentLinkedQueue<>();

	/** Where the event loop writes a message's head; used on the event loop only. */
	private final byte[] head = new byte[MAX_HEAD];

	private final AtomicLong queuedBytes = new AtomicLong();

	private final AtomicBoolean drainScheduled = new AtomicBoolean();

	private final Queue<CompletableFuture<Void>> heldBack = new ConcurrentLinkedQueue<>();

	private final Runnable drain = this::drain;

	WriteBatcher(Channel channel, String remoteAddress) {
		this.channel = channel;
		this.remoteAddress = remoteAddress;
	}

	/**
	 * Queue encoded bytes for writing, in the order of calls from each thread.
	 * @param bytes the frame as it goes on the wire
	 * @return completes when the sender may go on
	 */
	CompletableFuture<Void> add(byte[] bytes) {
		return afterEnqueue(enqueue(bytes));
	}

	/**
	 * The first half of {@link #add(byte[])}: put the bytes in line, behind every frame
	 * enqueued before; cheap, and safe to call under a caller's lock.
	 * @param bytes the frame as it goes on the wire
	 * @return the bytes queued now, for {@link #afterEnqueue(long)}
	 */
	long enqueue(byte[] bytes) {
		this.frames.add(bytes);
		return this.queuedBytes.addAndGet(bytes.length);
	}

	/**
	 * Like {@link #enqueue(byte[])}, for a message the event loop will write: its payload
	 * must not change until it is written.
	 * @param message a message whose {@link FrameCodec#streamHeadSize head} is at most
	 * {@link #MAX_HEAD}
	 * @param headSize that head's size
	 * @return the bytes queued now, for {@link #afterEnqueue(long)}
	 */
	long enqueue(MessageFrame message, int headSize) {
		this.frames.add(message);
		return this.queuedBytes.addAndGet(headSize + message.payload().length);
	}

	/**
	 * The second half of {@link #add(byte[])}, outside any lock of the caller's: have the
	 * queue written, and hold the sender back while the backlog is too large.
	 * @param queued what {@link #enqueue(byte[])} returned
	 * @return completes when the sender may go on
	 */
	CompletableFuture<Void> afterEnqueue(long queued) {
		if (queued >= EARLY_DRAIN && this.channel.eventLoop().inEventLoop()) {
			// sent from a callback on this very loop, which is working through a read
			// of many replies: let the peer start on what is queued now rather than
			// after the whole read, so that both sides work at once
			drain();
		}
		else if (this.drainScheduled.compareAndSet(false, true)) {
			try {
				this.channel.eventLoop().execute(this.drain);
			}
			catch (RejectedExecutionException ex) {
				return CompletableFuture.failedFuture(new CommConnectionLostException(
						"Connection to " + this.remoteAddress + " is closed: its event loop has shut down", ex));
			}
		}
		if (!isFull()) {
			return ACCEPTED;
		}
		CompletableFuture<Void> later = new CompletableFuture<>();
		this.heldBack.add(later);
		if (!this.channel.isActive()) {
			// the channel closed after this sender's check: closed() may have run
			// before it joined the queue, and would never fail it
			closed();
		}
		else if (!isFull()) {
			// the backlog may have drained between the check and joining the queue
			release();
		}
		return later;
	}

	/**
	 * Write what is queued, then run {@code then}, on the event loop: frames queued
	 * before a close go out before it.
	 * @param then what to do after the write
	 */
	void drainThen(Runnable then) {
		if (this.channel.eventLoop().inEventLoop()) {
			drain();
			then.run();
		}
		else {
			try {
				this.channel.eventLoop().execute(() -> {
					drain();
					then.run();
				});
			}
			catch (RejectedExecutionException ex) {
				// the event loop is gone and took the channel with it
				then.run();
			}
		}
	}

	private void drain() {
		this.drainScheduled.set(false);
		long written = 0;
		ByteBuf batch = null;
		Object frame;
		while ((frame = this.frames.poll()) != null) {
			byte[] bytes = (frame instanceof byte[] encoded) ? encoded : null;
			MessageFrame message = (bytes == null) ? (MessageFrame) frame : null;
			int headSize = (message != null) ? FrameCodec.streamHeadSize(message) : 0;
			int size = (bytes != null) ? bytes.length : headSize + message.payload().length;
			written += size;
			if (batch != null && batch.maxWritableBytes() < size) {
				this.channel.write(batch, this.channel.voidPromise());
				batch = null;
			}
			if (size > BATCH_SIZE) {
				// rare and large: one copy into the channel's buffer is all it needs
				byte[] whole = (bytes != null) ? bytes : FrameCodec.encodeForStream(message);
				this.channel.write(Unpooled.wrappedBuffer(whole), this.channel.voidPromise());
				continue;
			}
			if (batch == null) {
				// sized for what is queued now, this frame included
				long queued = Math.max(size, this.queuedBytes.get() - written + size);
				batch = this.channel.alloc().ioBuffer((int) Math.min(BATCH_SIZE, queued), BATCH_SIZE);
			}
			if (bytes != null) {
				batch.writeBytes(bytes);
			}
			else {
				FrameCodec.writeStreamHead(message, headSize, this.head);
				batch.writeBytes(this.head, 0, headSize);
				batch.writeBytes(message.payload());
			}
		}
		if (batch != null) {
			this.channel.write(batch, this.channel.voidPromise());
		}
		if (written > 0) {
			this.queuedBytes.addAndGet(-written);
			this.channel.flush();
		}
		release();
	}

	/**
	 * Let held-back senders go on, when the backlog allows. A closing channel drops its
	 * buffer and turns writable: its senders are failed by {@link #closed()} instead.
	 */
	void release() {
		if (this.heldBack.isEmpty() || isFull() || !this.channel.isActive()) {
			return;
		}
		CompletableFuture<Void> sender;
		while ((sender = this.heldBack.poll()) != null) {
			sender.complete(null);
		}
	}

	/** Fail held-back senders: the channel closed. */
	void closed() {
		CompletableFuture<Void> sender;
		while ((sender = this.heldBack.poll()) != null) {
			sender.completeExceptionally(
					new CommConnectionLostException("Connection to " + this.remoteAddress + " is closed"));
		}
	}

	private boolean isFull() {
		return this.queuedBytes.get() > HIGH_WATER_MARK || !this.channel.isWritable();
	}

}
