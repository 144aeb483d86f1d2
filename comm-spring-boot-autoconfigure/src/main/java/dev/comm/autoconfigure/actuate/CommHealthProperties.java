package dev.comm.autoconfigure.actuate;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Which states of comm's endpoints the {@code comm} health contributor reports as what. A
 * status is one of Actuator's: {@code UP}, {@code DOWN}, {@code OUT_OF_SERVICE},
 * {@code UNKNOWN}, or a status of the application's own. A connected connector, a running
 * listener and a pool with enough live members are always {@code UP}; a stopped listener
 * or connector is always {@code DOWN}.
 */
@ConfigurationProperties("comm.health")
public class CommHealthProperties {

	private final Connector connector = new Connector();

	private final Pool pool = new Pool();

	public Connector getConnector() {
		return this.connector;
	}

	public Pool getPool() {
		return this.pool;
	}

	public static class Connector {

		/**
		 * Status of a connector that has not connected yet, within comm.connect-timeout
		 * of its start.
		 */
		private String connecting = "UNKNOWN";

		/**
		 * Status of a connector that has not connected within comm.connect-timeout of its
		 * start.
		 */
		private String unreachable = "DOWN";

		/**
		 * Status of a connector that lost its connection and is dialling again.
		 */
		private String reconnecting = "DOWN";

		public String getConnecting() {
			return this.connecting;
		}

		public void setConnecting(String connecting) {
			this.connecting = connecting;
		}

		public String getUnreachable() {
			return this.unreachable;
		}

		public void setUnreachable(String unreachable) {
			this.unreachable = unreachable;
		}

		public String getReconnecting() {
			return this.reconnecting;
		}

		public void setReconnecting(String reconnecting) {
			this.reconnecting = reconnecting;
		}

	}

	public static class Pool {

		/**
		 * Live members a pool needs to be UP.
		 */
		private int minLive = 1;

		/**
		 * Status of a pool with fewer live members than min-live.
		 */
		private String belowMinLive = "DOWN";

		public int getMinLive() {
			return this.minLive;
		}

		public void setMinLive(int minLive) {
			this.minLive = minLive;
		}

		public String getBelowMinLive() {
			return this.belowMinLive;
		}

		public void setBelowMinLive(String belowMinLive) {
			this.belowMinLive = belowMinLive;
		}

	}

}
