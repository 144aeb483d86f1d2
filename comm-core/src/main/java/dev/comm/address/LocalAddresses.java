package dev.comm.address;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * The {@code local://name} form of {@link CommAddress}: communica's
 * {@code LocalConnector(name)}, a unix socket at {@code <tempdir>/communica/<name>.sock}.
 * The name is lower-cased, as communica does, and the temporary directory is the one
 * Python's {@code tempfile.gettempdir()} picks ({@code TMPDIR}, {@code TEMP},
 * {@code TMP}, then {@code /tmp}), so that a comm process and a Python process started in
 * the same environment meet at the same file. The unix transport serves these addresses.
 */
final class LocalAddresses {

	static final String SCHEME = "local";

	private LocalAddresses() {
	}

	/**
	 * Parse what follows {@code local://}.
	 * @param uri the address as given, for messages
	 * @param rest the name
	 * @return the address, its path resolved
	 */
	static CommAddress parse(String uri, String rest) {
		return parse(uri, rest, System.getenv());
	}

	static CommAddress parse(String uri, String rest, Map<String, String> environment) {
		if (rest.isEmpty() || rest.contains("/") || rest.contains("\\") || rest.equals(".") || rest.equals("..")) {
			throw new InvalidAddressException(uri,
					"a local address is local://name, communica's LocalConnector name, with no '/' in the name");
		}
		String name = rest.toLowerCase(Locale.ROOT);
		String path = tempDirectory(environment).resolve("communica").resolve(name + ".sock").toString();
		return new CommAddress(SCHEME, name, -1, path);
	}

	/**
	 * The first of {@code TMPDIR}, {@code TEMP} and {@code TMP} that names a directory,
	 * else {@code /tmp}, as Python's {@code tempfile} module chooses on a unix system.
	 */
	private static Path tempDirectory(Map<String, String> environment) {
		for (String variable : new String[] { "TMPDIR", "TEMP", "TMP" }) {
			String value = environment.get(variable);
			if (value != null && !value.isEmpty() && Files.isDirectory(Path.of(value))) {
				return Path.of(value).toAbsolutePath().normalize();
			}
		}
		return Path.of("/tmp");
	}

}
