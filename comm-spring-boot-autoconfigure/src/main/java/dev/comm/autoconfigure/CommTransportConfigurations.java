package dev.comm.autoconfigure;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.comm.internal.transport.amqp.AmqpTransport;
import dev.comm.internal.transport.inproc.InprocTransport;
import dev.comm.internal.transport.stream.NettyEventLoops;
import dev.comm.internal.transport.tcp.TcpTransport;
import dev.comm.internal.transport.unix.UnixSocketTransport;

/**
 * One configuration per built-in transport, each switchable by a property and replaceable
 * by a user bean. Imported by {@link CommAutoConfiguration}.
 */
final class CommTransportConfigurations {

	private CommTransportConfigurations() {
	}

	@Configuration(proxyBeanMethods = false)
	static class NettyConfiguration {

		@Bean(destroyMethod = "close")
		@ConditionalOnMissingBean
		NettyEventLoops commNettyEventLoops(CommProperties properties) {
			// Netty starts its threads lazily, on the first
			// socket, so an unused group costs nothing
			return new NettyEventLoops(properties.getIoThreads());
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnBooleanProperty(name = "comm.transports.tcp", matchIfMissing = true)
	static class TcpConfiguration {

		@Bean(destroyMethod = "close")
		@ConditionalOnMissingBean
		TcpTransport commTcpTransport(NettyEventLoops loops) {
			return new TcpTransport(loops);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnBooleanProperty(name = "comm.transports.unix", matchIfMissing = true)
	static class UnixConfiguration {

		@Bean(destroyMethod = "close")
		@ConditionalOnMissingBean
		UnixSocketTransport commUnixSocketTransport(NettyEventLoops loops) {
			return new UnixSocketTransport(loops);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnBooleanProperty(name = "comm.transports.inproc", matchIfMissing = true)
	static class InprocConfiguration {

		@Bean(destroyMethod = "close")
		@ConditionalOnMissingBean
		InprocTransport commInprocTransport() {
			return new InprocTransport();
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "org.springframework.amqp.rabbit.connection.CachingConnectionFactory")
	@ConditionalOnBooleanProperty(name = "comm.transports.amqp", matchIfMissing = true)
	static class AmqpConfiguration {

		@Bean(destroyMethod = "close")
		@ConditionalOnMissingBean
		AmqpTransport commAmqpTransport(CommProperties properties) {
			// connects to no broker until an amqp listener or connector starts
			return new AmqpTransport(properties.getAmqp().getPrefetch());
		}

	}

}
