package dev.comm.autoconfigure.advice;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

import dev.comm.CommErrorKind;
import dev.comm.CommRemoteException;
import dev.comm.RequesterFaultException;
import dev.comm.ResponderFaultException;
import dev.comm.autoconfigure.CommAutoConfiguration;
import dev.comm.client.CommClient;
import dev.comm.handler.CommHandler;
import dev.comm.handler.CommMessage;
import dev.comm.handler.advice.CommAdvice;
import dev.comm.handler.advice.CommExceptionHandler;
import dev.comm.internal.handler.RouteDispatcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * Exception handlers in handler beans and advice beans, seen by a caller over tcp: which
 * one wins, what the caller receives, and declarations that fail startup.
 */
class CommExceptionHandlersIntegrationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, CommAutoConfiguration.class));

	@Test
	void callersReceiveTheFaultTheWinningExceptionHandlerMapsTo() {
		this.runner.withUserConfiguration(OwnHandlers.class, PlainHandlers.class, FirstAdvice.class, SecondAdvice.class)
			.withPropertyValues("spring.application.name=advised-server", "comm.listeners.main.uri=tcp://127.0.0.1:0",
					"comm.error.include-details=always")
			.run((server) -> {
				assertThat(server).hasNotFailed();
				String uri = server.getEnvironment().getProperty("local.comm.listeners.main.uri");
				this.runner
					.withPropertyValues("spring.application.name=advised-client", "comm.connectors.server.uri=" + uri,
							"comm.connectors.server.request-timeout=5s")
					.run((client) -> {
						CommClient comm = client.getBean(CommClient.class);
						// the closest superclass wins inside one bean
						assertFault(comm, "advised.own.notfound", CommErrorKind.REQUESTER_FAULT, 404, "own: no tea");
						assertFault(comm, "advised.own.gone", CommErrorKind.RESPONDER_FAULT, 503, "own gone: no cake");
						// the bean's own handler beats every advice
						assertFault(comm, "advised.own.state", CommErrorKind.REQUESTER_FAULT, 499, "own state: stuck");
						// the first advice in order that has a method decides
						assertFault(comm, "advised.plain.state", CommErrorKind.REQUESTER_FAULT, 409, "first: stuck");
						assertFault(comm, "advised.plain.argument", CommErrorKind.REQUESTER_FAULT, 400,
								"second on advised.plain.argument: bad");
						assertFault(comm, "advised.plain.async", CommErrorKind.REQUESTER_FAULT, 400,
								"second on advised.plain.async: bad later");
						// an own handler for an unrelated type does not hide the advice
						assertFault(comm, "advised.own.argument", CommErrorKind.REQUESTER_FAULT, 400,
								"second on advised.own.argument: bad too");
						// unmapped, and a failing exception handler: today's reply
						assertFault(comm, "advised.plain.unmapped", CommErrorKind.HANDLER_FAILED, null,
								"Handler for 'advised.plain.unmapped' failed: UnsupportedOperationException: nope (error id ");
						assertFault(comm, "advised.plain.broken", CommErrorKind.HANDLER_FAILED, null,
								"Handler for 'advised.plain.broken' failed: ArithmeticException: / by zero (error id ");
						assertFault(comm, "advised.plain.wrongresult", CommErrorKind.HANDLER_FAILED, null,
								"Handler for 'advised.plain.wrongresult' failed: ClassCastException: odd (error id ");

						SecondAdvice second = server.getBean(SecondAdvice.class);
						int before = second.arguments.get();
						comm.send("advised.plain.note", "x");
						await().atMost(5, TimeUnit.SECONDS).until(() -> second.arguments.get() == before + 1);
						await().atMost(5, TimeUnit.SECONDS)
							.until(() -> server.getBean(RouteDispatcher.class).getFailedThrows() == 1);
					});
			});
	}

	@Test
	void twoExceptionHandlersForOneTypeInOneBeanFailStartupNamingBoth() {
		this.runner.withUserConfiguration(DuplicateAdvice.class).run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).isInstanceOf(IllegalStateException.class)
				.hasMessageContaining("Two exception handlers for java.lang.IllegalStateException")
				.hasMessageContaining(DuplicateAdvice.class.getName() + ".one(IllegalStateException)")
				.hasMessageContaining(DuplicateAdvice.class.getName() + ".two(RuntimeException)");
		});
	}

	@Test
	void anExceptionHandlerWithoutAnExceptionTypeFailsStartupNamingIt() {
		this.runner.withUserConfiguration(UntypedHandlers.class).run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).isInstanceOf(IllegalStateException.class)
				.hasMessageContaining(UntypedHandlers.class.getName() + ".untyped(CommMessage)")
				.hasMessageContaining("names no exception type");
		});
	}

	@Test
	void anExceptionHandlerReturningSomethingElseThanAFaultFailsStartupNamingIt() {
		this.runner.withUserConfiguration(StringAdvice.class).run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).isInstanceOf(IllegalStateException.class)
				.hasMessageContaining(StringAdvice.class.getName() + ".describe(IllegalStateException)")
				.hasMessageContaining("returns java.lang.String");
		});
	}

	private static void assertFault(CommClient comm, String route, CommErrorKind kind, Integer code, String message) {
		assertThatExceptionOfType(CommRemoteException.class)
			.isThrownBy(() -> comm.to("server").request(route, "x", String.class))
			.satisfies((ex) -> {
				assertThat(ex.getKind()).isEqualTo(kind);
				assertThat(ex.getCode()).isEqualTo(code);
				if (kind == CommErrorKind.HANDLER_FAILED) {
					// comm.error.include-details=always: the details, then the logged id
					assertThat(ex.getRemoteMessage()).startsWith(message).matches(".*[0-9a-f]{12}\\)");
				}
				else {
					assertThat(ex.getRemoteMessage()).isEqualTo(message);
				}
			});
	}

	static class NotFoundException extends RuntimeException {

		NotFoundException(String message) {
			super(message);
		}

	}

	static class GoneException extends NotFoundException {

		GoneException(String message) {
			super(message);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class OwnHandlers {

		@CommHandler("advised.own.notfound")
		String notFound(String ignored) {
			throw new NotFoundException("no tea");
		}

		@CommHandler("advised.own.gone")
		String gone(String ignored) {
			throw new GoneException("no cake");
		}

		@CommHandler("advised.own.state")
		String state(String ignored) {
			throw new IllegalStateException("stuck");
		}

		@CommHandler("advised.own.argument")
		String argument(String ignored) {
			throw new IllegalArgumentException("bad too");
		}

		@CommExceptionHandler
		RequesterFaultException notFound(NotFoundException ex) {
			return new RequesterFaultException(404, "own: " + ex.getMessage());
		}

		@CommExceptionHandler(GoneException.class)
		void gone(RuntimeException ex) {
			throw new ResponderFaultException(503, "own gone: " + ex.getMessage());
		}

		@CommExceptionHandler
		RequesterFaultException state(IllegalStateException ex) {
			return new RequesterFaultException(499, "own state: " + ex.getMessage());
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class PlainHandlers {

		@CommHandler("advised.plain.state")
		String state(String ignored) {
			throw new IllegalStateException("stuck");
		}

		@CommHandler("advised.plain.argument")
		String argument(String ignored) {
			throw new IllegalArgumentException("bad");
		}

		@CommHandler("advised.plain.async")
		CompletableFuture<String> async(String ignored) {
			return CompletableFuture.supplyAsync(() -> {
				throw new IllegalArgumentException("bad later");
			}, CompletableFuture.delayedExecutor(50, TimeUnit.MILLISECONDS));
		}

		@CommHandler("advised.plain.unmapped")
		String unmapped(String ignored) {
			throw new UnsupportedOperationException("nope");
		}

		@CommHandler("advised.plain.broken")
		String broken(String ignored) {
			return String.valueOf(1 / Integer.parseInt("0"));
		}

		@CommHandler("advised.plain.wrongresult")
		String wrongResult(String ignored) {
			throw new ClassCastException("odd");
		}

		@CommHandler("advised.plain.note")
		void note(String ignored) {
			throw new IllegalArgumentException("bad note");
		}

	}

	@CommAdvice
	@Order(1)
	@Configuration(proxyBeanMethods = false)
	static class FirstAdvice {

		@CommExceptionHandler
		RequesterFaultException state(IllegalStateException ex) {
			return new RequesterFaultException(409, "first: " + ex.getMessage());
		}

	}

	@CommAdvice
	@Order(2)
	@Configuration(proxyBeanMethods = false)
	static class SecondAdvice {

		final AtomicInteger arguments = new AtomicInteger();

		@CommExceptionHandler
		RequesterFaultException state(IllegalStateException ex) {
			return new RequesterFaultException(410, "second: " + ex.getMessage());
		}

		@CommExceptionHandler
		RequesterFaultException argument(CommMessage message, IllegalArgumentException ex) {
			this.arguments.incrementAndGet();
			return new RequesterFaultException(400, "second on " + message.getRoute() + ": " + ex.getMessage());
		}

		@CommExceptionHandler
		RequesterFaultException arithmetic(ArithmeticException ex) {
			throw new NullPointerException("the exception handler itself is broken");
		}

		@CommExceptionHandler(ClassCastException.class)
		ResponderFaultException nothing() {
			return null;
		}

	}

	@CommAdvice
	@Configuration(proxyBeanMethods = false)
	static class DuplicateAdvice {

		@CommExceptionHandler
		RequesterFaultException one(IllegalStateException ex) {
			return new RequesterFaultException(1, "one");
		}

		@CommExceptionHandler(IllegalStateException.class)
		RequesterFaultException two(RuntimeException ex) {
			return new RequesterFaultException(2, "two");
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UntypedHandlers {

		@CommHandler("advised.untyped")
		String handle(String ignored) {
			return ignored;
		}

		@CommExceptionHandler
		RequesterFaultException untyped(CommMessage message) {
			return new RequesterFaultException(1, "untyped");
		}

	}

	@CommAdvice
	@Configuration(proxyBeanMethods = false)
	static class StringAdvice {

		@CommExceptionHandler
		String describe(IllegalStateException ex) {
			return "no";
		}

	}

}
