package dev.comm.autoconfigure;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import dev.comm.address.CommAddress;
import dev.comm.address.InvalidAddressException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class CommFailureAnalyzerTests {

	@Test
	void invalidAddressBecomesADescriptionAndAnAction() {
		InvalidAddressException invalid = catchThrowableOfType(InvalidAddressException.class,
				() -> CommAddress.parse("tcp://billing"));
		FailureAnalysis analysis = new CommFailureAnalyzer()
			.analyze(new BeanCreationException("billingCommConnector", "failed", invalid));
		assertThat(analysis.getDescription()).contains("tcp://billing").contains("a port is required");
		assertThat(analysis.getAction()).contains("comm.connectors.<name>.uri");
	}

	@Test
	void invalidPropertyFoundBeforeAnyBeanExistsBecomesADescriptionAndAnAction() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, CommAutoConfiguration.class))
			.withPropertyValues("comm.connectors.billing.uri=tcp://127.0.0.1:1",
					"comm.connectors.billing.reconnect.multiplier=0.5")
			.run((context) -> {
				assertThat(context).hasFailed();
				FailureAnalysis analysis = new CommFailureAnalyzer().analyze(context.getStartupFailure());
				assertThat(analysis.getDescription())
					.isEqualTo("comm.connectors.billing.reconnect.multiplier must be at least 1, not 0.5");
				assertThat(analysis.getAction()).isEqualTo("Change the comm.* property that the description names.");
			});
	}

	@Test
	void invalidAddressFoundBeforeAnyBeanExistsBecomesADescriptionAndAnAction() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, CommAutoConfiguration.class))
			.withPropertyValues("comm.connectors.billing.uri=tcp://billing")
			.run((context) -> {
				assertThat(context).hasFailed();
				FailureAnalysis analysis = new CommFailureAnalyzer().analyze(context.getStartupFailure());
				assertThat(analysis.getDescription()).contains("tcp://billing").contains("a port is required");
				assertThat(analysis.getAction()).contains("comm.connectors.<name>.uri");
			});
	}

	@Test
	void invalidPropertyAtStartupBecomesADescriptionAndAnAction() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, SslAutoConfiguration.class,
					CommAutoConfiguration.class))
			.withPropertyValues("comm.listeners.main.uri=tls://127.0.0.1:0")
			.run((context) -> {
				assertThat(context).hasFailed();
				FailureAnalysis analysis = new CommFailureAnalyzer().analyze(context.getStartupFailure());
				assertThat(analysis.getDescription())
					.startsWith("comm.listeners.main listens on tls://127.0.0.1:0 and needs a certificate");
				assertThat(analysis.getAction()).isEqualTo("Change the comm.* property that the description names.");
			});
	}

}
