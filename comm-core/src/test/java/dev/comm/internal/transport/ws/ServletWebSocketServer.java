package dev.comm.internal.transport.ws;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.catalina.Context;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.websocket.server.WsSci;
import org.springframework.web.context.support.GenericWebApplicationContext;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.mvc.HttpRequestHandlerAdapter;

/**
 * A real servlet web server for ws tests: embedded Tomcat with its JSR-356 container and
 * a {@link DispatcherServlet} that holds only comm's {@link WebSocketMountHandlerMapping}
 * (what a Spring MVC application has, minus the application). Binds a free port on the
 * loopback interface.
 */
public final class ServletWebSocketServer implements AutoCloseable {

	private final WebSocketMounts mounts = new WebSocketMounts();

	private final Tomcat tomcat = new Tomcat();

	private final Path baseDir;

	private final int port;

	public ServletWebSocketServer() throws IOException, LifecycleException {
		this.baseDir = Files.createTempDirectory("comm-ws-tomcat");
		this.tomcat.setBaseDir(this.baseDir.toString());
		this.tomcat.setHostname("127.0.0.1");
		this.tomcat.setPort(0);
		this.tomcat.getConnector().setProperty("address", "127.0.0.1");
		Context context = this.tomcat.addContext("", this.baseDir.toString());
		context.addServletContainerInitializer(new WsSci(), null);
		GenericWebApplicationContext web = new GenericWebApplicationContext();
		web.registerBean(WebSocketMountHandlerMapping.class, () -> new WebSocketMountHandlerMapping(this.mounts));
		web.registerBean(HttpRequestHandlerAdapter.class);
		DispatcherServlet dispatcher = new DispatcherServlet(web);
		Tomcat.addServlet(context, "dispatcher", dispatcher).setLoadOnStartup(1);
		context.addServletMappingDecoded("/", "dispatcher");
		this.tomcat.start();
		this.port = this.tomcat.getConnector().getLocalPort();
		this.mounts.setServer("127.0.0.1", this.port);
	}

	public WebSocketMounts mounts() {
		return this.mounts;
	}

	public int port() {
		return this.port;
	}

	@Override
	public void close() throws Exception {
		this.tomcat.stop();
		this.tomcat.destroy();
		try (var files = Files.walk(this.baseDir)) {
			files.sorted(java.util.Comparator.reverseOrder()).forEach((file) -> file.toFile().delete());
		}
	}

}
