package dev.comm.autoconfigure.security;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.core.context.SecurityContextHolder;

import dev.comm.autoconfigure.CommAutoConfiguration;
import dev.comm.internal.observation.HandlerObserver;

/**
 * With Spring Security on the classpath: each handler runs in the security context of the
 * {@code Authentication} its peer was admitted as (what the application's
 * {@code CommAuthenticator} returned), so {@code @PreAuthorize} and the like apply to
 * handler methods under {@code @EnableMethodSecurity}, and an access denied reaches the
 * caller as a requester fault.
 */
@AutoConfiguration(before = CommAutoConfiguration.class)
@ConditionalOnClass(SecurityContextHolder.class)
public final class CommSecurityAutoConfiguration {

	@Bean
	@Order(Ordered.LOWEST_PRECEDENCE)
	@ConditionalOnMissingBean(name = "commSecurityContextObserver")
	HandlerObserver commSecurityContextObserver() {
		return SecurityContextInboundHandler::new;
	}

	@Bean
	@ConditionalOnMissingBean
	CommAccessDeniedAdvice commAccessDeniedAdvice() {
		return new CommAccessDeniedAdvice();
	}

}
