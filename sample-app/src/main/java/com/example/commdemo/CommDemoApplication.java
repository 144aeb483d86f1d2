package com.example.commdemo;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A scheduler and its workers as separate processes talking over a unix socket.
 * <p>
 * Started without arguments, this is the scheduler ({@code demo.role=scheduler}): it
 * listens on a socket in a fresh temporary directory, launches {@code demo.workers}
 * copies of this application as workers ({@code --demo.role=worker}), hands out
 * {@code demo.tasks} tasks, prints a summary once every task is done and exits with 0, or
 * with 1 and the reason when anything went wrong.
 */
@SpringBootApplication(proxyBeanMethods = false)
@EnableConfigurationProperties(DemoProperties.class)
public class CommDemoApplication {

	public static void main(String[] args) {
		System.exit(run(args));
	}

	/**
	 * Run the application in the role its arguments choose, and close it.
	 * @param args the command line arguments
	 * @return the exit code
	 */
	static int run(String[] args) {
		SocketDirectory socketDirectory = new SocketDirectory();
		SpringApplication application = new SpringApplication(CommDemoApplication.class);
		application.addListeners(socketDirectory, new DashboardEndpoint());
		try {
			ConfigurableApplicationContext context = application.run(args);
			return SpringApplication.exit(context);
		}
		catch (RuntimeException ex) {
			System.err.println("comm demo failed: " + describe(ex));
			return 1;
		}
		finally {
			socketDirectory.delete();
		}
	}

	/**
	 * The innermost cause says what went wrong; Spring Boot has logged the whole story.
	 */
	private static String describe(Throwable ex) {
		Throwable root = ex;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return (root.getMessage() != null) ? root.getMessage() : root.getClass().getName();
	}

}
