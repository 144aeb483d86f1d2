package dev.comm.benchmarks;

import java.nio.charset.StandardCharsets;

import tools.jackson.databind.json.JsonMapper;

/**
 * The payload of every case: a small record that is exactly 100 bytes of JSON, converted
 * to and from JSON on both sides of every case, so that no case is spared the work a real
 * application does.
 *
 * @param symbol the instrument
 * @param venue where it trades
 * @param sequence a counter the server advances in its reply
 * @param bid the bid price
 * @param ask the ask price
 * @param size the quoted size
 * @param firm whether the quote is firm
 */
public record Quote(String symbol, String venue, long sequence, double bid, double ask, int size, boolean firm) {

	/** The one mapper the hand-wired cases share; comm and Spring use their own. */
	static final JsonMapper JSON = JsonMapper.builder().build();

	/** The quote every client sends. */
	static final Quote SAMPLE = new Quote("ACME", "XNAS", 10_000_000, 101.25, 101.5, 300, true);

	/**
	 * The reply to this quote; the same size on the wire.
	 * @return the quote with the next sequence number
	 */
	public Quote next() {
		return new Quote(this.symbol, this.venue, this.sequence + 1, this.bid, this.ask, this.size, this.firm);
	}

	static byte[] toJson(Quote quote) {
		return JSON.writeValueAsBytes(quote);
	}

	static Quote fromJson(byte[] json) {
		return JSON.readValue(json, Quote.class);
	}

	static int sampleSize() {
		return new String(toJson(SAMPLE), StandardCharsets.UTF_8).length();
	}

}
