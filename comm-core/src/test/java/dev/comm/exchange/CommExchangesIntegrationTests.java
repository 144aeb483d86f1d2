package dev.comm.exchange;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.comm.CommErrorKind;
import dev.comm.CommRemoteException;
import dev.comm.CommTimeoutException;
import dev.comm.client.CommClient;
import dev.comm.client.CommReply;
import dev.comm.client.RoundRobinStrategy;
import dev.comm.handler.CommHandler;
import dev.comm.internal.client.DefaultCommClient;
import dev.comm.internal.server.DefaultCommListener;
import dev.comm.testing.CommTestNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.awaitility.Awaitility.await;

/**
 * Declarative clients against a real server over tcp: every return shape, timeouts,
 * errors, and each wrong declaration failing when the client is made.
 */
class CommExchangesIntegrationTests {

	private static final Duration AWAIT = Duration.ofSeconds(10);

	private final ServerHandlers handlers = new ServerHandlers();

	private CommTestNode server;

	private CommTestNode caller;

	private DefaultCommListener listener;

	private CommClient client;

	@BeforeEach
	void start() {
		this.server = CommTestNode.builder().clientId("server").handlers(this.handlers).build();
		this.listener = this.server.listen("tcp://127.0.0.1:0");
		this.caller = CommTestNode.builder().clientId("caller").build();
		this.client = this.caller.connect(this.listener.address().toString(), AWAIT);
	}

	@AfterEach
	void close() {
		this.handlers.release.countDown();
		this.caller.close();
		this.server.close();
	}

	@Test
	void everyReturnShapeOfARequest() throws Exception {
		Greeter greeter = CommExchanges.create(Greeter.class, this.client);
		assertThat(greeter.greet("Ada")).isEqualTo("Hello, Ada");
		assertThat(greeter.greetAsync("Bob").get(10, TimeUnit.SECONDS)).isEqualTo("Hello, Bob");
		assertThat(greeter.items("ab")).containsExactly(new Item("a", 0), new Item("b", 1));
		assertThat(greeter.length("four")).isEqualTo(4);
		assertThat(greeter.status()).isEqualTo("fine");
		greeter.touch("x");
		assertThat(this.handlers.touched.poll(10, TimeUnit.SECONDS)).isEqualTo("x");
		assertThat(greeter.twice("na")).isEqualTo("nana");
		assertThat(greeter).hasToString("CommExchange[" + Greeter.class.getName() + "]");
	}

	@Test
	void aThrowReturnsOnceSentAndReachesItsHandler() throws Exception {
		CommExchanges.create(Greeter.class, this.client).audit("logged in");
		assertThat(this.handlers.audited.poll(10, TimeUnit.SECONDS)).isEqualTo("logged in");
	}

	@Test
	void aMethodsTimeoutAndTypedErrorsReachTheCaller() {
		Greeter greeter = CommExchanges.create(Greeter.class, this.client);
		assertThatExceptionOfType(CommTimeoutException.class).isThrownBy(() -> greeter.hang("x"))
			.satisfies((ex) -> assertThat(ex.getTimeout()).isPositive().isLessThanOrEqualTo(Duration.ofMillis(300)));
		assertThatExceptionOfType(CommRemoteException.class).isThrownBy(() -> greeter.fail("x"))
			.satisfies((ex) -> assertThat(ex.getKind()).isEqualTo(CommErrorKind.HANDLER_FAILED));
		assertThatExceptionOfType(CommRemoteException.class).isThrownBy(greeter::missing)
			.satisfies((ex) -> assertThat(ex.getKind()).isEqualTo(CommErrorKind.NO_ROUTE));
	}

	@Test
	void aBroadcastReturnsEveryMembersReply() {
		DefaultCommListener second = this.server.listen("tcp://127.0.0.1:0");
		CommClient pooled = new DefaultCommClient(Map.of("workers", this.caller.pool(new RoundRobinStrategy(), AWAIT,
				this.listener.address().toString(), second.address().toString())), Map.of());
		await("both members to connect").atMost(AWAIT).until(() -> pooled.to("workers").memberIds().size() == 2);
		List<CommReply<String>> replies = CommExchanges.create(Workers.class, pooled).greetAll("all");
		assertThat(replies).hasSize(2).allSatisfy((reply) -> assertThat(reply.get()).isEqualTo("Hello, all"));
	}

	@Test
	void wrongDeclarationsFailWhenTheClientIsMadeNamingTheMethod() {
		assertThatIllegalStateException().isThrownBy(() -> CommExchanges.create(Unannotated.class, this.client))
			.withMessageContaining(
					Unannotated.class.getName() + ".call(String) has neither @CommRequest nor @CommThrow");
		assertThatIllegalStateException().isThrownBy(() -> CommExchanges.create(TwoPayloads.class, this.client))
			.withMessageContaining(".call(String, String) takes 2 parameters");
		assertThatIllegalStateException().isThrownBy(() -> CommExchanges.create(NoRoute.class, this.client))
			.withMessageContaining(".call(String) declares no route");
		assertThatIllegalStateException().isThrownBy(() -> CommExchanges.create(ThrowWithReply.class, this.client))
			.withMessageContaining(".call(String) is a @CommThrow, which has no reply, so it must return void");
		assertThatIllegalStateException().isThrownBy(() -> CommExchanges.create(RawFuture.class, this.client))
			.withMessageContaining(".call(String) returns a raw java.util.concurrent.CompletableFuture");
		assertThatIllegalStateException().isThrownBy(() -> CommExchanges.create(BadTimeout.class, this.client))
			.withMessageContaining(".call(String) has timeout 'soon'");
		assertThatIllegalStateException().isThrownBy(() -> CommExchanges.create(UnknownConnector.class, this.client))
			.withMessageContaining("names connector 'billing', which is not configured")
			.withMessageContaining("[test]");
		assertThatIllegalStateException().isThrownBy(() -> CommExchanges.create(BothTargets.class, this.client))
			.withMessageContaining("must name a connector or a pool, not both");
	}

	record Item(String name, int index) {
	}

	@CommExchange(connector = "test")
	interface Greeter {

		@CommRequest("greet")
		String greet(String name);

		@CommRequest("greet")
		CompletableFuture<String> greetAsync(String name);

		@CommRequest("items")
		List<Item> items(String letters);

		@CommRequest("length")
		int length(String text);

		@CommRequest("status")
		String status();

		@CommRequest("touch")
		void touch(String what);

		@CommThrow("audit")
		void audit(String event);

		@CommRequest(value = "hang", timeout = "300ms")
		String hang(String what);

		@CommRequest("fail")
		String fail(String what);

		@CommRequest("nobody-serves-this")
		String missing();

		default String twice(String text) {
			return text + text;
		}

	}

	@CommExchange(pool = "workers")
	interface Workers {

		@CommRequest("greet")
		List<CommReply<String>> greetAll(String name);

	}

	@CommExchange(connector = "test")
	interface Unannotated {

		String call(String text);

	}

	@CommExchange(connector = "test")
	interface TwoPayloads {

		@CommRequest("call")
		String call(String one, String two);

	}

	@CommExchange(connector = "test")
	interface NoRoute {

		@CommRequest(" ")
		String call(String text);

	}

	@CommExchange(connector = "test")
	interface ThrowWithReply {

		@CommThrow("call")
		String call(String text);

	}

	@CommExchange(connector = "test")
	interface RawFuture {

		@SuppressWarnings("rawtypes")
		@CommRequest("call")
		CompletableFuture call(String text);

	}

	@CommExchange(connector = "test")
	interface BadTimeout {

		@CommRequest(value = "call", timeout = "soon")
		String call(String text);

	}

	@CommExchange(connector = "billing")
	interface UnknownConnector {

		@CommRequest("call")
		String call(String text);

	}

	@CommExchange(connector = "test", pool = "workers")
	interface BothTargets {

		@CommRequest("call")
		String call(String text);

	}

	static class ServerHandlers {

		final CountDownLatch release = new CountDownLatch(1);

		final LinkedBlockingQueue<String> touched = new LinkedBlockingQueue<>();

		final LinkedBlockingQueue<String> audited = new LinkedBlockingQueue<>();

		@CommHandler("greet")
		String greet(String name) {
			return "Hello, " + name;
		}

		@CommHandler("items")
		List<Item> items(String letters) {
			return letters.chars().mapToObj((c) -> new Item(String.valueOf((char) c), letters.indexOf(c))).toList();
		}

		@CommHandler("length")
		int length(String text) {
			return text.length();
		}

		@CommHandler("status")
		String status() {
			return "fine";
		}

		@CommHandler("touch")
		void touch(String what) {
			this.touched.add(what);
		}

		@CommHandler("audit")
		void audit(String event) {
			this.audited.add(event);
		}

		@CommHandler("hang")
		String hang(String what) throws InterruptedException {
			this.release.await(10, TimeUnit.SECONDS);
			return what;
		}

		@CommHandler("fail")
		String fail(String what) {
			throw new IllegalStateException("failing on " + what);
		}

	}

}
