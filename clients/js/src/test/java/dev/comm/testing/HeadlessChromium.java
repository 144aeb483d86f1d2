package dev.comm.testing;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;

import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's Chromium, headless, driven through Debian's chromedriver: no browser is
 * downloaded. A fresh profile per browser, and the switches that keep Chromium from
 * calling out to the network, which a build machine may not reach.
 */
public final class HeadlessChromium implements AutoCloseable {

	private static final File BROWSER = new File(System.getProperty("comm.chromium", "/usr/bin/chromium"));

	private static final File DRIVER = new File(System.getProperty("comm.chromedriver", "/usr/bin/chromedriver"));

	private final Path profile;

	private final ChromeDriver driver;

	public HeadlessChromium() throws IOException {
		if (!BROWSER.canExecute() || !DRIVER.canExecute()) {
			throw new IllegalStateException("The browser tests need Chromium and chromedriver (Debian packages "
					+ "chromium and chromium-driver) at " + BROWSER + " and " + DRIVER
					+ "; -Dcomm.chromium and -Dcomm.chromedriver point elsewhere");
		}
		this.profile = Files.createTempDirectory("comm-chromium");
		ChromeOptions options = new ChromeOptions();
		options.setBinary(BROWSER);
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
				"--disable-sync", "--window-size=1280,900", "--user-data-dir=" + this.profile);
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER)
			.usingAnyFreePort()
			.build();
		this.driver = new ChromeDriver(service, options);
		this.driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
		this.driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
	}

	public WebDriver driver() {
		return this.driver;
	}

	@Override
	public void close() throws IOException {
		try {
			this.driver.quit();
		}
		finally {
			try (Stream<Path> files = Files.walk(this.profile)) {
				files.sorted(Comparator.reverseOrder()).forEach((file) -> file.toFile().delete());
			}
		}
	}

}
