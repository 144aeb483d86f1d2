package dev.comm.test;

import java.util.List;

import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.TestContextAnnotationUtils;

/**
 * Gives every test context an {@link InprocEndpointsContextCustomizer}: it is what
 * {@link AutoConfigureComm#inproc()} says when the test class (or an enclosing one) has
 * the annotation, and {@code comm.test.inproc} otherwise, which the customizer can only
 * read once the environment is there.
 */
class InprocEndpointsContextCustomizerFactory implements ContextCustomizerFactory {

	@Override
	public ContextCustomizer createContextCustomizer(Class<?> testClass,
			List<ContextConfigurationAttributes> configAttributes) {
		AutoConfigureComm annotation = TestContextAnnotationUtils.findMergedAnnotation(testClass,
				AutoConfigureComm.class);
		return new InprocEndpointsContextCustomizer((annotation != null) ? annotation.inproc() : null);
	}

}
