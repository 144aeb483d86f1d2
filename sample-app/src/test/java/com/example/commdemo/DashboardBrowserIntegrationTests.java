package com.example.commdemo;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import dev.comm.testing.HeadlessChromium;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The scheduler's live dashboard in headless Chromium, while the demo runs as real
 * processes: the page shows the workers joining, the tasks moving from waiting to done
 * and the workers leaving, as it happens. The screenshot taken half-way is the README's.
 */
class DashboardBrowserIntegrationTests {

	private static final Pattern DASHBOARD = Pattern.compile("scheduler: dashboard at (http://\\S+)");

	private static final Path SCREENSHOT = Path.of("target", "dashboard.png");

	@TempDir
	Path temp;

	@Test
	void thePageShowsWorkersAndTasksAsTheyMove() throws Exception {
		Path log = Files.createTempFile(this.temp, "demo", ".log");
		Process demo = new ProcessBuilder(
				DemoEndToEndIntegrationTests.demoCommand("--demo.linger=60s", "--demo.work-delay=150ms"))
			.redirectErrorStream(true)
			.redirectOutput(log.toFile())
			.start();
		try (HeadlessChromium chromium = new HeadlessChromium()) {
			await("the scheduler to print its dashboard's address").atMost(Duration.ofSeconds(60))
				.until(() -> DASHBOARD.matcher(Files.readString(log)).find() || !demo.isAlive());
			Matcher url = DASHBOARD.matcher(Files.readString(log));
			assertThat(url.find()).as(Files.readString(log)).isTrue();
			WebDriver page = chromium.driver();
			page.get(url.group(1));
			WebDriverWait wait = new WebDriverWait(page, Duration.ofSeconds(60), Duration.ofMillis(20));

			wait.until((driver) -> read(driver, "workers").size() == 3 && tasksIn(driver, "done") >= 4
					&& tasksIn(driver, "working") >= 1);
			Files.write(SCREENSHOT, ((TakesScreenshot) page).getScreenshotAs(OutputType.BYTES));
			assertThat(read(page, "workers")).containsExactly("worker-1", "worker-2", "worker-3");
			assertThat(read(page, "link")).containsExactly("live");

			wait.until((driver) -> tasksIn(driver, "done") == 12 && read(driver, "connected").isEmpty());
			assertThat(read(page, "progress")).containsExactly("12 / 12 done");
			assertThat(read(page, "log")).anySatisfy((line) -> assertThat(line).endsWith("worker-1 left"));
			// one update per change, each pushed by the scheduler: far more than the one
			// snapshot
			assertThat(Integer.parseInt(read(page, "updates").get(0))).isGreaterThan(12);
		}
		finally {
			demo.destroy();
			assertThat(demo.waitFor(30, TimeUnit.SECONDS)).as("the demo to stop on SIGTERM").isTrue();
		}
	}

	private static long tasksIn(WebDriver page, String state) {
		return read(page, "tasks").stream().filter(state::equals).count();
	}

	/**
	 * Read one part of the page in one go, so that an update in between cannot tear it.
	 */
	@SuppressWarnings("unchecked")
	private static List<String> read(WebDriver page, String part) {
		String script = switch (part) {
			case "workers" -> "return [...document.querySelectorAll('#workers li')].map((li) => li.dataset.worker)";
			case "connected" -> "return [...document.querySelectorAll('#workers li[data-connected=\"true\"]')]"
					+ ".map((li) => li.dataset.worker)";
			case "tasks" -> "return [...document.querySelectorAll('#tasks li')].map((li) => li.dataset.state)";
			case "log" -> "return [...document.querySelectorAll('#log li')].map((li) => li.textContent)";
			case "updates" -> "return [document.body.dataset.updates ?? '0']";
			default -> "return [document.getElementById('" + part + "').textContent]";
		};
		return (List<String>) ((JavascriptExecutor) page).executeScript(script);
	}

}
