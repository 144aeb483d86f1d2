package dev.comm.autoconfigure;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.comm.codec.JacksonPayloadCodec;
import dev.comm.codec.PayloadCodec;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON payloads with the application's own {@link JsonMapper} when Spring Boot configured
 * one, so that {@code spring.jackson.*} settings and modules apply to comm payloads too.
 */
@Configuration(proxyBeanMethods = false)
class CommPayloadCodecConfiguration {

	@Bean
	@ConditionalOnMissingBean
	PayloadCodec commPayloadCodec(ObjectProvider<JsonMapper> jsonMapper) {
		JsonMapper mapper = jsonMapper.getIfUnique();
		return (mapper != null) ? new JacksonPayloadCodec(mapper) : new JacksonPayloadCodec();
	}

}
