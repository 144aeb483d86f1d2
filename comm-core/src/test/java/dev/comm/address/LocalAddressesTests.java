package dev.comm.address;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class LocalAddressesTests {

	@TempDir
	Path dir;

	@Test
	void localNameIsTheHostAndTheSocketPathIsCommunicasFileInTheTemporaryDirectory() {
		CommAddress address = LocalAddresses.parse("local://orders", "orders", Map.of("TMPDIR", this.dir.toString()));
		assertThat(address.scheme()).isEqualTo("local");
		assertThat(address.host()).isEqualTo("orders");
		assertThat(address.port()).isEqualTo(-1);
		assertThat(address.path()).isEqualTo(this.dir.resolve("communica").resolve("orders.sock").toString());
		assertThat(address).hasToString("local://orders");
	}

	@Test
	void nameIsLowerCasedAsCommunicaDoes() {
		CommAddress address = LocalAddresses.parse("local://Orders-EU", "Orders-EU", Map.of("TMPDIR", "/tmp"));
		assertThat(address.host()).isEqualTo("orders-eu");
		assertThat(address.path()).isEqualTo("/tmp/communica/orders-eu.sock");
	}

	@Test
	void temporaryDirectoryIsTheFirstOfTmpdirTempTmpThatExistsThenSlashTmp() {
		String missing = this.dir.resolve("missing").toString();
		String temp = this.dir.resolve("temp").toFile().mkdir() ? this.dir.resolve("temp").toString() : null;
		assertThat(LocalAddresses.parse("local://a", "a", Map.of("TMPDIR", missing, "TEMP", temp, "TMP", "/")).path())
			.isEqualTo(temp + "/communica/a.sock");
		assertThat(LocalAddresses.parse("local://a", "a", Map.of("TMPDIR", "", "TMP", this.dir.toString())).path())
			.isEqualTo(this.dir + "/communica/a.sock");
		assertThat(LocalAddresses.parse("local://a", "a", Map.of("TMPDIR", missing)).path())
			.isEqualTo("/tmp/communica/a.sock");
	}

	@Test
	void parseResolvesAgainstThisProcesssEnvironmentAndFormatsBackToTheName() {
		CommAddress address = CommAddress.parse("LOCAL://orders");
		assertThat(address.path()).endsWith("/communica/orders.sock").startsWith("/");
		assertThat(CommAddress.parse(address.format())).isEqualTo(address);
		assertThat(CommAddress.KNOWN_SCHEMES).contains("local");
	}

	@ParameterizedTest
	@ValueSource(strings = { "local://", "local://a/b", "local:///tmp/x.sock", "local://..", "local://a\\b" })
	void nameIsRequiredAndHasNoPathSeparator(String uri) {
		assertThatExceptionOfType(InvalidAddressException.class).isThrownBy(() -> CommAddress.parse(uri))
			.withMessageContaining(uri)
			.withMessageContaining("local://name");
	}

}
