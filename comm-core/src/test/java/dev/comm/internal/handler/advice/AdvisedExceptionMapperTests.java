package dev.comm.internal.handler.advice;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.comm.RequesterFaultException;
import dev.comm.ResponderFaultException;
import dev.comm.client.CommPeer;
import dev.comm.handler.CommMessage;
import dev.comm.handler.advice.CommExceptionHandler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Which exception handler a thrown exception reaches, and declarations refused at
 * startup.
 */
class AdvisedExceptionMapperTests {

	private final CommMessage message = new CommMessage("stock.reserve", false, new byte[0], null, null);

	@Test
	void theHandlerForTheClosestSuperclassWinsWhateverTheDeclarationOrder() {
		AdvisedExceptionMapper mapper = new AdvisedExceptionMapper(of(new Layered()), List.of());
		assertThat(mapper.map(new Child("c"), this.message)).hasMessage("parent: c");
		assertThat(mapper.map(new Parent("p"), this.message)).hasMessage("parent: p");
		assertThat(mapper.map(new IllegalStateException("s"), this.message)).hasMessage("runtime: s");
		IllegalAccessException checked = new IllegalAccessException("unmapped");
		assertThat(mapper.map(checked, this.message)).isSameAs(checked);
	}

	@Test
	void aBeansOwnLessSpecificHandlerWinsOverAMoreSpecificAdvice() {
		AdvisedExceptionMapper mapper = new AdvisedExceptionMapper(of(new RuntimeOnly()), List.of(of(new Layered())));
		assertThat(mapper.map(new Child("c"), this.message)).hasMessage("own runtime: c");
	}

	@Test
	void theFirstAdviceWithAMatchWinsOverMoreSpecificLaterOnes() {
		AdvisedExceptionMapper mapper = new AdvisedExceptionMapper(of(new Object()),
				List.of(of(new RuntimeOnly()), of(new Layered())));
		assertThat(mapper.map(new Child("c"), this.message)).hasMessage("own runtime: c");
		mapper = new AdvisedExceptionMapper(of(new Object()), List.of(of(new Layered()), of(new RuntimeOnly())));
		assertThat(mapper.map(new Child("c"), this.message)).hasMessage("parent: c");
	}

	@Test
	void anExceptionHandlerSeesTheMessageAndThrownFaultsCountAsMapped() {
		AdvisedExceptionMapper mapper = new AdvisedExceptionMapper(of(new Thrower()), List.of());
		Throwable mapped = mapper.map(new Parent("p"), this.message);
		assertThat(mapped).isInstanceOf(ResponderFaultException.class).hasMessage("stock.reserve: p");
		assertThat(((ResponderFaultException) mapped).getCode()).isEqualTo(503);
	}

	@Test
	void withoutExceptionHandlersTheMapperIsEmpty() {
		assertThat(new AdvisedExceptionMapper(of(new Object()), List.of(of("advice without methods"))).isEmpty())
			.isTrue();
	}

	@Test
	void anUnsupportedParameterFailsNamingTheMethod() {
		assertThatIllegalStateException().isThrownBy(() -> of(new UnsupportedParameter()))
			.withMessageContaining(UnsupportedParameter.class.getName() + ".handle(Parent, String)")
			.withMessageContaining("java.lang.String");
	}

	@Test
	void aDeclaredTypeTheParameterCannotTakeFailsNamingTheMethod() {
		assertThatIllegalStateException().isThrownBy(() -> of(new MismatchedType()))
			.withMessageContaining(MismatchedType.class.getName() + ".handle(Parent)")
			.withMessageContaining("handles java.lang.IllegalStateException");
	}

	private static ExceptionHandlerMethods of(Object bean) {
		return ExceptionHandlerMethods.of(bean, bean.getClass());
	}

	static class Parent extends RuntimeException {

		Parent(String message) {
			super(message);
		}

	}

	static class Child extends Parent {

		Child(String message) {
			super(message);
		}

	}

	static class Layered {

		@CommExceptionHandler
		RequesterFaultException runtime(RuntimeException ex) {
			return new RequesterFaultException(1, "runtime: " + ex.getMessage());
		}

		@CommExceptionHandler
		RequesterFaultException parent(Parent ex) {
			return new RequesterFaultException(2, "parent: " + ex.getMessage());
		}

	}

	static class RuntimeOnly {

		@CommExceptionHandler
		RequesterFaultException runtime(RuntimeException ex) {
			return new RequesterFaultException(3, "own runtime: " + ex.getMessage());
		}

	}

	static class Thrower {

		@CommExceptionHandler(Parent.class)
		void handle(CommPeer peer, CommMessage message, Parent ex) {
			throw new ResponderFaultException(503, message.getRoute() + ": " + ex.getMessage());
		}

	}

	static class UnsupportedParameter {

		@CommExceptionHandler
		RequesterFaultException handle(Parent ex, String extra) {
			return null;
		}

	}

	static class MismatchedType {

		@CommExceptionHandler(IllegalStateException.class)
		RequesterFaultException handle(Parent ex) {
			return null;
		}

	}

}
