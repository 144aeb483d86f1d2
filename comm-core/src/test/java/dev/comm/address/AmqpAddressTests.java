package dev.comm.address;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class AmqpAddressTests {

	@Test
	void fullAddressParsesIntoUserHostPortVirtualHostAndService() {
		CommAddress address = CommAddress.parse("amqp://app:s3cret@broker.internal:5673/prod?service=orders");
		assertThat(address.scheme()).isEqualTo("amqp");
		assertThat(address.userInfo()).isEqualTo("app:s3cret");
		assertThat(address.host()).isEqualTo("broker.internal");
		assertThat(address.port()).isEqualTo(5673);
		assertThat(address.path()).isEqualTo("prod");
		assertThat(address.parameter("service")).isEqualTo("orders");
	}

	@Test
	void formatRoundTripsThroughParse() {
		for (String uri : new String[] { "amqp://app:s3cret@broker:5673/prod?service=orders",
				"amqps://app:p%40ss%2Fw%3Ard@[::1]:5671/?service=orders&broadcast=true",
				"amqp://broker:5672/%2Fwith%2Fslashes?service=a.b", "amqp://only-user@broker:5672/" }) {
			CommAddress address = CommAddress.parse(uri);
			assertThat(address.format()).isEqualTo(uri);
			assertThat(CommAddress.parse(address.format())).isEqualTo(address);
		}
	}

	@Test
	void portDefaultsPerSchemeAndAnEmptyPathIsTheDefaultVirtualHost() {
		CommAddress plain = CommAddress.parse("amqp://guest:guest@localhost?service=orders");
		assertThat(plain.port()).isEqualTo(5672);
		assertThat(plain.path()).isEqualTo("/");
		assertThat(plain.format()).isEqualTo("amqp://guest:guest@localhost:5672/?service=orders");
		assertThat(CommAddress.parse("amqps://localhost/").port()).isEqualTo(5671);
		assertThat(CommAddress.parse("amqp://localhost/%2F").path()).isEqualTo("/");
	}

	@Test
	void percentEncodedCredentialsAreDecoded() {
		CommAddress address = CommAddress.parse("amqp://us%20er:p%40ss%3Aword@h:1/v%2Fh?service=s%26t");
		assertThat(address.userInfo()).isEqualTo("us er:p@ss%3Aword".replace("%3A", ":"));
		assertThat(address.path()).isEqualTo("v/h");
		assertThat(address.parameter("service")).isEqualTo("s&t");
	}

	@Test
	void toStringMasksThePasswordSoThatLoggingAnAddressLeaksNothing() {
		CommAddress address = CommAddress.parse("amqp://app:s3cret@broker:5672/?service=orders");
		assertThat(address.toString()).isEqualTo("amqp://app:****@broker:5672/?service=orders")
			.doesNotContain("s3cret");
	}

	@Test
	void invalidAddressMessagesNeverRepeatThePassword() {
		assertThatExceptionOfType(InvalidAddressException.class)
			.isThrownBy(() -> CommAddress.parse("amqp://app:s3cret@broker:notaport/?service=orders"))
			.withMessageNotContaining("s3cret")
			.withMessageContaining("app:****@broker");
		assertThatExceptionOfType(InvalidAddressException.class)
			.isThrownBy(() -> CommAddress.parse("amqp://app:s3cret@broker/?colour=blue"))
			.withMessageNotContaining("s3cret")
			.withMessageContaining("unknown parameter 'colour'")
			.withMessageContaining("[service, broadcast, protocol, client]");
	}

	@Test
	void theProtocolParameterPicksCommunicaAndRejectsUnknownValues() {
		CommAddress address = CommAddress.parse("amqp://broker/?service=orders&protocol=communica");
		assertThat(address.parameter("protocol")).isEqualTo("communica");
		assertThat(CommAddress.parse(address.format())).isEqualTo(address);
		assertThat(CommAddress.parse("amqp://broker/?service=orders&protocol=comm").parameter("protocol"))
			.isEqualTo("comm");
		assertThatExceptionOfType(InvalidAddressException.class)
			.isThrownBy(() -> CommAddress.parse("amqp://broker/?service=orders&protocol=zeromq"))
			.withMessageContaining("unknown protocol 'zeromq'")
			.withMessageContaining("[comm, communica]");
	}

	@ParameterizedTest
	@ValueSource(strings = { "amqp://broker:99999/", "amqp://:5672/", "amqp://broker/a/b", "amqp://broker/?service=",
			"amqp://broker/?service=a&service=b", "amqp://broker/%zz", "amqp://broker/%4" })
	void malformedAmqpAddressesAreRejected(String uri) {
		assertThatExceptionOfType(InvalidAddressException.class).isThrownBy(() -> CommAddress.parse(uri));
	}

	@Test
	void withParameterAddsTheServiceOfAnEndpointProperty() {
		CommAddress address = CommAddress.parse("amqp://broker/").withParameter("service", "billing");
		assertThat(address.parameters()).isEqualTo(Map.of("service", "billing"));
		assertThat(address.format()).isEqualTo("amqp://broker:5672/?service=billing");
	}

	@Test
	void otherSchemesFormatAsBeforeAndHaveNoParameters() {
		CommAddress tcp = CommAddress.parse("tcp://127.0.0.1:7070");
		assertThat(tcp.format()).isEqualTo(tcp.toString()).isEqualTo("tcp://127.0.0.1:7070");
		assertThat(tcp.parameters()).isEmpty();
		assertThat(tcp.userInfo()).isNull();
	}

}
