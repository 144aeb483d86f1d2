package dev.comm.address;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class CommAddressTests {

	@Test
	void tcpAddressParsesIntoHostAndPort() {
		CommAddress address = CommAddress.parse("tcp://127.0.0.1:7070");
		assertThat(address).isEqualTo(CommAddress.tcp("127.0.0.1", 7070));
		assertThat(address.path()).isNull();
	}

	@Test
	void hostNameIsKeptAsWritten() {
		assertThat(CommAddress.parse("tcp://orders.internal:9000")).isEqualTo(CommAddress.tcp("orders.internal", 9000));
	}

	@Test
	void ipv6HostIsWrittenInBracketsAndStoredWithout() {
		CommAddress address = CommAddress.parse("tcp://[::1]:7070");
		assertThat(address.host()).isEqualTo("::1");
		assertThat(address.port()).isEqualTo(7070);
		assertThat(address).hasToString("tcp://[::1]:7070");
	}

	@Test
	void ipv6AddressBuiltInCodeFormatsWithBrackets() {
		assertThat(CommAddress.tcp("fe80::1", 80)).hasToString("tcp://[fe80::1]:80");
	}

	@Test
	void addressWithoutSchemeIsTcp() {
		CommAddress address = CommAddress.parse("127.0.0.1:7070");
		assertThat(address.scheme()).isEqualTo(CommAddress.DEFAULT_SCHEME).isEqualTo("tcp");
		assertThat(address).isEqualTo(CommAddress.tcp("127.0.0.1", 7070));
		assertThat(CommAddress.parse("[::1]:7070")).isEqualTo(CommAddress.tcp("::1", 7070));
	}

	@Test
	void schemeIsCaseInsensitiveAndSurroundingBlanksAreIgnored() {
		assertThat(CommAddress.parse("  TCP://localhost:1 ")).isEqualTo(CommAddress.tcp("localhost", 1));
	}

	@Test
	void tlsAddressParsesLikeTcp() {
		CommAddress address = CommAddress.parse("tls://example.test:8443");
		assertThat(address.scheme()).isEqualTo("tls");
		assertThat(address.host()).isEqualTo("example.test");
		assertThat(address.port()).isEqualTo(8443);
	}

	@Test
	void unixAddressCarriesAnAbsolutePath() {
		CommAddress address = CommAddress.parse("unix:///run/comm/orders.sock");
		assertThat(address).isEqualTo(CommAddress.unix("/run/comm/orders.sock"));
		assertThat(address.host()).isNull();
		assertThat(address.port()).isEqualTo(-1);
	}

	@Test
	void inprocAddressCarriesItsName() {
		CommAddress address = CommAddress.parse("inproc://orders");
		assertThat(address).isEqualTo(CommAddress.inproc("orders"));
		assertThat(address.host()).isEqualTo("orders");
		assertThat(address.port()).isEqualTo(-1);
		assertThat(address.path()).isNull();
	}

	@ParameterizedTest
	@ValueSource(strings = { "tcp://127.0.0.1:7070", "tcp://localhost:0", "tcp://[::1]:7070",
			"tcp://[fe80::1%eth0]:65535", "tls://example.test:8443", "unix:///run/comm/orders.sock",
			"unix:///tmp/with space.sock", "inproc://orders", "inproc://a.b-c_d" })
	void formattingAParsedAddressGivesTheSameString(String uri) {
		CommAddress address = CommAddress.parse(uri);
		assertThat(address).hasToString(uri);
		assertThat(CommAddress.parse(address.toString())).isEqualTo(address);
	}

	@Test
	void addressWithoutSchemeFormatsWithTheDefaultScheme() {
		assertThat(CommAddress.parse("localhost:7070")).hasToString("tcp://localhost:7070");
	}

	@Test
	void unknownSchemeIsRejectedNamingTheKnownSchemes() {
		assertThatExceptionOfType(InvalidAddressException.class).isThrownBy(() -> CommAddress.parse("udp://host:1"))
			.withMessageContaining("'udp://host:1'")
			.withMessageContaining("unknown scheme 'udp'")
			.withMessageContaining("[tcp, tls, unix, inproc, amqp, amqps]");
	}

	@ParameterizedTest
	@ValueSource(strings = { "tcp://host:70000", "tcp://host:65536", "tcp://host:-1", "tcp://host:http", "tcp://host:",
			"tcp://[::1]:", "tcp://host:80/path", "tcp://host:99999999999" })
	void portOutsideTheValidRangeOrNotANumberIsRejected(String uri) {
		assertThatExceptionOfType(InvalidAddressException.class).isThrownBy(() -> CommAddress.parse(uri))
			.withMessageContaining("the port must be a number from 0 to 65535");
	}

	@Test
	void missingPortIsRejectedWithAnExample() {
		assertThatExceptionOfType(InvalidAddressException.class).isThrownBy(() -> CommAddress.parse("tcp://host"))
			.withMessageContaining("a port is required, for example tcp://host:7070");
	}

	@Test
	void ipv6HostWithoutBracketsIsRejected() {
		assertThatExceptionOfType(InvalidAddressException.class).isThrownBy(() -> CommAddress.parse("tcp://::1:7070"))
			.withMessageContaining("brackets");
	}

	@ParameterizedTest
	@ValueSource(strings = { "tcp://[::1]7070", "tcp://[::1", "tcp://[::1]" })
	void malformedBracketedHostIsRejected(String uri) {
		assertThatExceptionOfType(InvalidAddressException.class).isThrownBy(() -> CommAddress.parse(uri))
			.withMessageContaining("[host]:port");
	}

	@ParameterizedTest
	@ValueSource(strings = { "tcp://:7070", "tcp://[]:7070", "tcp://a/b:7070" })
	void missingHostOrHostWithSlashIsRejected(String uri) {
		assertThatExceptionOfType(InvalidAddressException.class).isThrownBy(() -> CommAddress.parse(uri))
			.withMessageContaining("host");
	}

	@ParameterizedTest
	@ValueSource(strings = { "unix://relative.sock", "unix://", "unix://~/a.sock" })
	void unixPathThatIsNotAbsoluteIsRejected(String uri) {
		assertThatExceptionOfType(InvalidAddressException.class).isThrownBy(() -> CommAddress.parse(uri))
			.withMessageContaining("must be absolute");
	}

	@Test
	void unixAddressWithoutPathIsRejected() {
		assertThatExceptionOfType(InvalidAddressException.class).isThrownBy(() -> CommAddress.parse("unix:///"))
			.withMessageContaining("path is missing");
	}

	@ParameterizedTest
	@ValueSource(strings = { "inproc://", "inproc://a/b" })
	void inprocNameThatIsEmptyOrHasASlashIsRejected(String uri) {
		assertThatExceptionOfType(InvalidAddressException.class).isThrownBy(() -> CommAddress.parse(uri))
			.withMessageContaining("inproc://name");
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "   " })
	void blankAddressIsRejectedWithAnExample(String uri) {
		assertThatExceptionOfType(InvalidAddressException.class).isThrownBy(() -> CommAddress.parse(uri))
			.withMessageContaining("an address is required, for example tcp://127.0.0.1:7070");
	}

	@Test
	void nullAddressIsRejectedLikeABlankOne() {
		assertThatExceptionOfType(InvalidAddressException.class).isThrownBy(() -> CommAddress.parse(null))
			.withMessageContaining("an address is required");
	}

}
