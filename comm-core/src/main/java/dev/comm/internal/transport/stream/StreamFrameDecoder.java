package dev.comm.internal.transport.stream;

import java.util.List;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;

import dev.comm.protocol.FrameCodec;
import dev.comm.protocol.FrameTooLargeException;
import dev.comm.protocol.MessageFrame;
import dev.comm.protocol.ProtocolException;

/**
 * Cuts communica's byte stream into frames: first a NUL-terminated hello (or a 0x04
 * refusal that runs to the end of the stream), then u32-length-prefixed bodies. Every
 * length is checked against the maximum before a byte is allocated for it; a violation
 * raises {@link ProtocolException} and the connection is closed by
 * {@link NettyConnection}.
 */
final class StreamFrameDecoder extends ByteToMessageDecoder {

	/** Largest hello accepted; hellos are a few dozen bytes. */
	static final int MAX_HELLO_SIZE = 64 * 1024;

	/**
	 * Largest metadata read through {@link #metadataBuffer}; larger metadata, which only
	 * unusual peers send, gets an array of its own so that the buffer stays small.
	 */
	static final int MAX_REUSED_METADATA = 4096;

	private final int maxFrameSize;

	private boolean helloRead;

	private boolean frameRead;

	private boolean refusing;

	private boolean failed;

	/**
	 * Holds each message's metadata while it is decoded, on this channel's event loop
	 * only. The metadata keeps none of its bytes, and an array per message would be a
	 * good part of what reading a small message allocates.
	 */
	private byte[] metadataBuffer = new byte[256];

	StreamFrameDecoder(int maxFrameSize) {
		this.maxFrameSize = maxFrameSize;
	}

	@Override
	protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
		if (this.failed) {
			in.skipBytes(in.readableBytes());
			return;
		}
		try {
			if (!this.helloRead) {
				decodeHello(in, out);
			}
			while (this.helloRead && decodeFrame(in, out)) {
				// keep cutting frames while whole ones are buffered
			}
		}
		catch (ProtocolException ex) {
			this.failed = true;
			in.skipBytes(in.readableBytes());
			throw ex;
		}
	}

	private void decodeHello(ByteBuf in, List<Object> out) {
		if (in.readableBytes() > 0 && in.getByte(in.readerIndex()) == FrameCodec.REFUSAL_START) {
			// a refusal has no terminator: it ends where the peer closes, see decodeLast
			checkHelloSize(in.readableBytes());
			return;
		}
		int end = in.indexOf(in.readerIndex(), in.writerIndex(), FrameCodec.HELLO_END);
		if (end < 0) {
			checkHelloSize(in.readableBytes());
			return;
		}
		int length = end - in.readerIndex();
		checkHelloSize(length);
		byte[] json = new byte[length];
		in.readBytes(json);
		in.skipBytes(1);
		this.helloRead = true;
		out.add(FrameCodec.decodeHello(json, 0, length));
	}

	private void checkHelloSize(int length) {
		if (length > MAX_HELLO_SIZE) {
			throw new ProtocolException("Hello exceeds " + MAX_HELLO_SIZE + " bytes without a terminator");
		}
	}

	private boolean decodeFrame(ByteBuf in, List<Object> out) {
		if (this.refusing || isRefusalAfterHello(in)) {
			// a server that writes its hello before reading ours refuses after
			// it: 0x04 then JSON up to the end of the stream, see decodeLast
			this.refusing = true;
			checkHelloSize(in.readableBytes());
			return false;
		}
		if (in.readableBytes() < FrameCodec.LENGTH_PREFIX) {
			return false;
		}
		long length = in.getUnsignedInt(in.readerIndex());
		if (length > this.maxFrameSize) {
			throw new FrameTooLargeException("Frame length " + length + " exceeds the frame limit of "
					+ this.maxFrameSize + " (comm.max-frame-size)");
		}
		if (length == 0) {
			throw new ProtocolException(
					"Frame length " + length + " is outside 1.." + this.maxFrameSize + " (comm.max-frame-size)");
		}
		if (in.readableBytes() < FrameCodec.LENGTH_PREFIX + length) {
			return false;
		}
		in.skipBytes(FrameCodec.LENGTH_PREFIX);
		this.frameRead = true;
		MessageFrame message = readMessage(in, (int) length);
		if (message != null) {
			out.add(message);
			return true;
		}
		byte[] body = new byte[(int) length];
		in.readBytes(body);
		out.add(FrameCodec.decodeBody(body, 0, body.length));
		return true;
	}

	/**
	 * Read a well-formed message frame straight into its metadata and payload arrays,
	 * rather than copying the whole body and then the payload out of it.
	 * @return the frame, or {@code null} (with nothing read) when the body is not a
	 * message or its header is out of range, for {@link FrameCodec#decodeBody} to handle
	 * and report
	 */
	private MessageFrame readMessage(ByteBuf in, int length) {
		int at = in.readerIndex();
		if (length < 1 + FrameCodec.META_END_SIZE || in.getByte(at) != FrameCodec.MESSAGE) {
			return null;
		}
		long metaEnd = in.getUnsignedInt(at + 1);
		if (metaEnd < FrameCodec.META_END_SIZE || 1 + metaEnd > length) {
			return null;
		}
		int metadataLength = (int) metaEnd - FrameCodec.META_END_SIZE;
		byte[] metadata = metadataBuffer(metadataLength);
		byte[] payload = new byte[length - 1 - (int) metaEnd];
		in.skipBytes(1 + FrameCodec.META_END_SIZE);
		in.readBytes(metadata, 0, metadataLength);
		in.readBytes(payload);
		return FrameCodec.decodeMessage(metadata, 0, metadataLength, payload);
	}

	private byte[] metadataBuffer(int length) {
		if (length > MAX_REUSED_METADATA) {
			return new byte[length];
		}
		if (length > this.metadataBuffer.length) {
			this.metadataBuffer = new byte[MAX_REUSED_METADATA];
		}
		return this.metadataBuffer;
	}

	private boolean isRefusalAfterHello(ByteBuf in) {
		// 0x04 0x7B ('{') as a length prefix would announce a frame of over 75 MB:
		// no first frame after a hello starts that way unless it is a refusal
		return !this.frameRead && in.readableBytes() >= 2 && in.getByte(in.readerIndex()) == FrameCodec.REFUSAL_START
				&& in.getByte(in.readerIndex() + 1) == '{';
	}

	@Override
	protected void decodeLast(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
		if ((!this.helloRead || this.refusing) && !this.failed && in.readableBytes() > 0
				&& in.getByte(in.readerIndex()) == FrameCodec.REFUSAL_START) {
			byte[] bytes = new byte[in.readableBytes() - 1];
			in.skipBytes(1);
			in.readBytes(bytes);
			out.add(FrameCodec.decodeRefusal(bytes, 0, bytes.length));
			return;
		}
		decode(ctx, in, out);
	}

}
