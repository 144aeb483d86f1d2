package dev.comm.autoconfigure;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.diagnostics.FailureAnalysis;

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

}
