package dev.comm.js;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.context.ConfigurableApplicationContext;

import dev.comm.CommErrorKind;
import dev.comm.CommNoRouteException;
import dev.comm.CommRemoteException;
import dev.comm.client.CommClient;
import dev.comm.client.CommTarget;
import dev.comm.js.JsClientTestApplication.Routes;
import dev.comm.testing.HeadlessChromium;
import dev.comm.testing.SeverableTcpProxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The JavaScript client in a real browser: headless Chromium loads a page from a Spring
 * application and its client connects to the application's ws listener. Page and
 * WebSocket pass a proxy that can cut every connection the way a network does.
 */
class BrowserClientIntegrationTests {

	private static final String PAGE_ID = "page-1";

	private static ConfigurableApplicationContext server;

	private static SeverableTcpProxy proxy;

	private static HeadlessChromium chromium;

	private static JavascriptExecutor page;

	@BeforeAll
	static void openThePage() throws Exception {
		server = JsClientTestApplication.start();
		proxy = new SeverableTcpProxy(JsClientTestApplication.port(server));
		chromium = new HeadlessChromium();
		chromium.driver().get("http://127.0.0.1:" + proxy.port() + "/client-test.html?id=" + PAGE_ID);
		page = (JavascriptExecutor) chromium.driver();
		new WebDriverWait(chromium.driver(), Duration.ofSeconds(20))
			.until((driver) -> Boolean.TRUE.equals(page.executeScript("return window.commTest !== undefined")));
	}

	@AfterAll
	static void closeAll() throws Exception {
		try (HeadlessChromium browser = chromium;
				SeverableTcpProxy forwarder = proxy;
				ConfigurableApplicationContext application = server) {
			// closed in reverse order
		}
	}

	@BeforeEach
	void linkIsOpen() {
		assertThat(call("ready", 10_000)).containsEntry("ok", true);
	}

	@Test
	void requestsAnswerTheHandlersReply() {
		assertThat(value(call("request", "echo", Map.of("text", "hi", "list", List.of(1, 2)))))
			.isEqualTo(Map.of("text", "hi", "list", List.of(1L, 2L)));
		assertThat(value(call("request", "add", Map.of("a", 2, "b", 3)))).isEqualTo(5L);
		assertThat(value(call("request", "whoami", null))).isEqualTo(PAGE_ID);
		assertThat(value(call("request", "echo", null))).isNull();
	}

	@Test
	void throwsReachTheirHandler() throws InterruptedException {
		assertThat(call("send", "note", "from the page")).containsEntry("ok", true);

		assertThat(routes().notes.poll(5, TimeUnit.SECONDS)).isEqualTo(PAGE_ID + ": from the page");
	}

	@Test
	void everyFailureArrivesAsATypedError() {
		assertFailure(call("request", "no.such.route", 1), "CommRemoteError", "no-route", null);
		assertFailure(call("request", "reject", "the order"), "CommRemoteError", "requester-fault", 7L);
		assertFailure(call("request", "crash", null), "CommRemoteError", "handler-failed", null);
		assertFailure(call("request", "add", "not two numbers"), "CommRemoteError", "bad-payload", null);
		assertFailure(call("request", "slow", 3000, 300), "CommTimeoutError", "timeout", null);
		assertThat((String) call("request", "reject", "the order").get("message")).contains("rejected: the order");
	}

	@Test
	void theServerCallsIntoThePage() {
		CommTarget thePage = server.getBean(CommClient.class)
			.peers(JsClientTestApplication.LISTENER)
			.member(PAGE_ID)
			.withTimeout(Duration.ofSeconds(5));

		assertThat(thePage.request("page.upper", "shout", String.class)).isEqualTo("SHOUT");
		assertThatExceptionOfType(CommRemoteException.class)
			.isThrownBy(() -> thePage.request("page.reject", "tea", Object.class))
			.satisfies((ex) -> {
				assertThat(ex.getKind()).isEqualTo(CommErrorKind.REQUESTER_FAULT);
				assertThat(ex.getCode()).isEqualTo(9);
				assertThat(ex.getRemoteMessage()).isEqualTo("the page rejects tea");
			});
		assertThatExceptionOfType(CommRemoteException.class)
			.isThrownBy(() -> thePage.request("page.crash", null, Object.class))
			.satisfies((ex) -> assertThat(ex.getKind()).isEqualTo(CommErrorKind.HANDLER_FAILED));
		assertThatExceptionOfType(CommNoRouteException.class)
			.isThrownBy(() -> thePage.request("page.none", null, Object.class));
	}

	@Test
	void aCutConnectionReconnectsAndTheSessionDeliversTheReplyOfARequestInFlight() throws Exception {
		Routes routes = routes();
		routes.slowStarted = new CountDownLatch(1);
		int opensBefore = count(events(), "open");
		call("begin", "cut", "slow", 1500, 10_000);
		assertThat(routes.slowStarted.await(5, TimeUnit.SECONDS)).isTrue();

		proxy.sever();

		new WebDriverWait(chromium.driver(), Duration.ofSeconds(15))
			.until((driver) -> count(events(), "open") > opensBefore);
		assertThat(events().subList(0, events().lastIndexOf("open"))).contains("close");
		assertThat(call("settle", "cut")).containsEntry("ok", true).containsEntry("value", "slept 1500");
		assertThat(value(call("request", "echo", "after the cut"))).isEqualTo("after the cut");
	}

	@Test
	void whatACutKeptFromTheServerIsSentAgainOnTheNextLinkOnce() throws Exception {
		Routes routes = routes();
		routes.notes.clear();
		int opensBefore = count(events(), "open");
		proxy.hold(true, false);
		assertThat(call("send", "note", "held back")).containsEntry("ok", true);
		call("begin", "held", "echo", "held request", 10_000);
		// the bytes are written and wait in the proxy, which then drops them
		Thread.sleep(300);
		assertThat(routes.notes).isEmpty();

		proxy.sever();
		proxy.hold(false, false);

		new WebDriverWait(chromium.driver(), Duration.ofSeconds(15))
			.until((driver) -> count(events(), "open") > opensBefore);
		assertThat(call("settle", "held")).containsEntry("ok", true).containsEntry("value", "held request");
		assertThat(routes.notes.poll(5, TimeUnit.SECONDS)).isEqualTo(PAGE_ID + ": held back");
		assertThat(routes.notes.poll(500, TimeUnit.MILLISECONDS)).as("the throw a second time").isNull();
	}

	private static Routes routes() {
		return server.getBean(Routes.class);
	}

	@SuppressWarnings("unchecked")
	private static List<String> events() {
		return (List<String>) page.executeScript("return window.commTest.events()");
	}

	private static int count(List<String> events, String name) {
		return (int) events.stream().filter(name::equals).count();
	}

	/**
	 * Call a function of the page's {@code window.commTest} and wait for its promise.
	 */
	@SuppressWarnings("unchecked")
	private static Map<String, Object> call(String function, Object... arguments) {
		String script = "const done = arguments[arguments.length - 1];" + "Promise.resolve(window.commTest." + function
				+ "(...Array.from(arguments).slice(0, -1)))"
				+ ".then(done, (e) => done({ ok: false, name: 'script', message: String(e) }));";
		return (Map<String, Object>) page.executeAsyncScript(script, arguments);
	}

	private static Object value(Map<String, Object> outcome) {
		assertThat(outcome).as("outcome").containsEntry("ok", true);
		return outcome.get("value");
	}

	private static void assertFailure(Map<String, Object> outcome, String name, String kind, Long code) {
		assertThat(outcome).as("outcome")
			.containsEntry("ok", false)
			.containsEntry("name", name)
			.containsEntry("kind", kind)
			.containsEntry("code", code);
	}

}
