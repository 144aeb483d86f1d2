package dev.comm.internal.transport.amqp.broker;

import java.io.IOException;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import javax.net.ssl.SSLContext;

import com.rabbitmq.client.Channel;
import org.springframework.amqp.AmqpException;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.connection.CorrelationData;
import org.springframework.amqp.rabbit.connection.RabbitUtils;
import org.springframework.amqp.rabbit.core.RabbitTemplate;

import dev.comm.CommConnectionLostException;
import dev.comm.CommException;
import dev.comm.address.CommAddress;
import dev.comm.transport.TlsSettings;

/**
 * One broker (host, port, virtual host, user) as comm uses it: a Spring AMQP connection
 * factory, a template that publishes with confirms, and channels for consumers. Shared by
 * every connection and listener of a transport that talks to the same broker, whichever
 * protocol mode they speak.
 */
public final class AmqpBroker implements AutoCloseable {

	private final String description;

	private final CachingConnectionFactory connectionFactory;

	private final RabbitTemplate template;

	/**
	 * A broker connection factory.
	 * @param address the broker's address
	 * @param connectTimeout how long opening a connection may take
	 * @param tls for amqps: the certificates to trust (and the client certificate to
	 * present), or {@code null} for the JVM's defaults
	 */
	public AmqpBroker(CommAddress address, Duration connectTimeout, TlsSettings tls) {
		this.description = address.scheme() + "://" + address.host() + ":" + address.port() + "/"
				+ ("/".equals(address.path()) ? "" : address.path());
		CachingConnectionFactory factory = new CachingConnectionFactory(address.host(), address.port());
		String userInfo = address.userInfo();
		if (userInfo != null) {
			int colon = userInfo.indexOf(':');
			factory.setUsername((colon < 0) ? userInfo : userInfo.substring(0, colon));
			if (colon >= 0) {
				factory.setPassword(userInfo.substring(colon + 1));
			}
		}
		factory.setVirtualHost(address.path());
		factory.setConnectionTimeout((int) Math.min(Integer.MAX_VALUE, connectTimeout.toMillis()));
		// the broker's heartbeat is what notices a silent network; comm adds none on top
		factory.setRequestedHeartBeat(10);
		factory.setPublisherConfirmType(CachingConnectionFactory.ConfirmType.CORRELATED);
		if ("amqps".equals(address.scheme())) {
			useTls(factory, tls);
		}
		this.connectionFactory = factory;
		this.template = new RabbitTemplate(factory);
	}

	private static void useTls(CachingConnectionFactory factory, TlsSettings tls) {
		try {
			// the endpoint's trust material, else the JVM's, and
			// the host name checked against the certificate:
			// never the client library's trust-everything default
			SSLContext context = (tls != null) ? tls.context() : SSLContext.getDefault();
			factory.getRabbitConnectionFactory().useSslProtocol(context);
			factory.getRabbitConnectionFactory().enableHostnameVerification();
		}
		catch (NoSuchAlgorithmException ex) {
			throw new CommException("This JVM has no default TLS context for amqps", ex);
		}
	}

	/**
	 * Open a channel of its own for a consumer; close it with {@link #close(Channel)}.
	 * @return the channel
	 * @throws CommConnectionLostException if the broker cannot be reached
	 */
	public Channel openChannel() {
		try {
			return this.connectionFactory.createConnection().createChannel(false);
		}
		catch (AmqpException ex) {
			throw new CommConnectionLostException("Cannot reach the broker at " + this.description + ": "
					+ rootMessage(ex) + "; is it running and are the credentials right?", ex);
		}
	}

	/**
	 * Close a consumer channel for real (a cached channel would keep its consumers).
	 * @param channel the channel
	 */
	public static void close(Channel channel) {
		RabbitUtils.setPhysicalCloseRequired(channel, true);
		try {
			if (channel.isOpen()) {
				channel.close();
			}
		}
		catch (IOException | RuntimeException | java.util.concurrent.TimeoutException ex) {
			// already gone with its connection
		}
		finally {
			RabbitUtils.setPhysicalCloseRequired(channel, false);
		}
	}

	/**
	 * Publish and wait for nothing: the future completes when the broker confirmed the
	 * message.
	 * @param exchange the exchange, {@code ""} for the default one
	 * @param routingKey the routing key (a queue name on the default exchange)
	 * @param message the message
	 * @return completes on the broker's confirm, exceptionally when it refused the
	 * message or the connection failed
	 */
	public CompletableFuture<Void> publish(String exchange, String routingKey, Message message) {
		CorrelationData correlation = new CorrelationData();
		try {
			this.template.send(exchange, routingKey, message, correlation);
		}
		catch (AmqpException ex) {
			return CompletableFuture.failedFuture(new CommConnectionLostException(
					"Cannot publish to the broker at " + this.description + ": " + rootMessage(ex), ex));
		}
		catch (IllegalArgumentException ex) {
			// a property longer than AMQP allows: the
			// message, not the connection, is at fault
			return CompletableFuture.failedFuture(new CommException("Cannot publish to the broker at "
					+ this.description + ": " + ex.getMessage() + " (an AMQP request id has at most 255 bytes)", ex));
		}
		return correlation.getFuture().thenApply((confirm) -> {
			if (!confirm.ack()) {
				throw new CommConnectionLostException(
						"The broker at " + this.description + " did not take the message: " + confirm.reason());
			}
			return null;
		});
	}

	public String description() {
		return this.description;
	}

	public static String rootMessage(Throwable ex) {
		Throwable root = ex;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return (root.getMessage() != null) ? root.getMessage() : root.toString();
	}

	@Override
	public void close() {
		this.connectionFactory.destroy();
	}

}
