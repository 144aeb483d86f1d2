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
			"unix:///tmp/with space.sock", "inproc://orders", "inproc://a.b-c_d", "ws://127.0.0.1:8080/comm",
			"wss://example.test:443/a/b", "ws://[::1]:80/", "ws:/comm", "wss:/api/comm" })
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
			.withMessageContaining("[tcp, tls, unix, local, inproc, ws, wss, amqp, amqps]");
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

	@Test
	void webSocketAddressCarriesHostPortAndPath() {
		CommAddress address = CommAddress.parse("ws://orders.internal:8080/comm/v1");
		assertThat(address).isEqualTo(CommAddress.ws(false, "orders.internal", 8080, "/comm/v1"));
		assertThat(CommAddress.parse("WSS://[::1]:8443/comm")).isEqualTo(CommAddress.ws(true, "::1", 8443, "/comm"));
	}

	@Test
	void webSocketAddressWithoutPortUsesTheHttpDefaultAndFormatsItExplicitly() {
		assertThat(CommAddress.parse("ws://example.test/comm")).hasToString("ws://example.test:80/comm");
		assertThat(CommAddress.parse("wss://example.test/comm")).hasToString("wss://example.test:443/comm");
		assertThat(CommAddress.parse("wss://[::1]/comm")).hasToString("wss://[::1]:443/comm");
	}

	@Test
	void hostlessWebSocketAddressNamesOnlyAPathOnTheApplicationsServer() {
		CommAddress address = CommAddress.parse(" ws:/comm ");
		assertThat(address).isEqualTo(CommAddress.ws(false, null, -1, "/comm"));
		assertThat(address.host()).isNull();
		assertThat(address.port()).isEqualTo(-1);
	}

	@ParameterizedTest
	@ValueSource(strings = { "ws://host:8080", "ws://host", "wss://[::1]:8443" })
	void webSocketAddressWithoutPathIsRejectedWithAnExample(String uri) {
		assertThatExceptionOfType(InvalidAddressException.class).isThrownBy(() -> CommAddress.parse(uri))
			.withMessageContaining("needs a path");
	}

	@ParameterizedTest
	@ValueSource(strings = { "ws://host:80/comm?x=1", "ws://host:80/comm#top", "ws:/a//b", "ws:/a b" })
	void webSocketPathWithQueryFragmentBlankOrEmptySegmentIsRejected(String uri) {
		assertThatExceptionOfType(InvalidAddressException.class).isThrownBy(() -> CommAddress.parse(uri))
			.withMessageContaining("a WebSocket path has no query");
	}

	@ParameterizedTest
	@ValueSource(strings = { "ws:///comm", "ws://:80/comm" })
	void webSocketAddressWithSlashesButNoHostIsRejected(String uri) {
		assertThatExceptionOfType(InvalidAddressException.class).isThrownBy(() -> CommAddress.parse(uri))
			.withMessageContaining("host");
	}

	@ParameterizedTest
	@ValueSource(strings = { "ws://host:99999/comm", "ws://host:x/comm" })
	void webSocketPortOutsideTheValidRangeIsRejected(String uri) {
		assertThatExceptionOfType(InvalidAddressException.class).isThrownBy(() -> CommAddress.parse(uri))
			.withMessageContaining("the port must be a number from 0 to 65535");
	}

	@Test
	void webSocketIpv6HostWithoutBracketsIsRejected() {
		assertThatExceptionOfType(InvalidAddressException.class).isThrownBy(() -> CommAddress.parse("ws://::1:80/comm"))
			.withMessageContaining("brackets");
	}

}
