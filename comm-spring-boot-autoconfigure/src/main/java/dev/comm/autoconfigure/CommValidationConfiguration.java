package dev.comm.autoconfigure;

import jakarta.validation.Validator;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.comm.handler.HandlerArgumentResolver;

/**
 * {@code @Valid} and {@code @Validated} on handler payloads, when Bean Validation is on
 * the classpath; the validator is the application's (Spring Boot's, with
 * {@code spring-boot-starter-validation}).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(Validator.class)
class CommValidationConfiguration {

	@Bean
	@ConditionalOnMissingBean(name = "commValidatedPayloadArgumentResolver")
	HandlerArgumentResolver commValidatedPayloadArgumentResolver(ObjectProvider<Validator> validator) {
		return new ValidatedPayloadArgumentResolver(validator);
	}

}
