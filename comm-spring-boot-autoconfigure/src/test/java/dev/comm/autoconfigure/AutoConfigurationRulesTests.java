package dev.comm.autoconfigure;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

import static com.tngtech.archunit.base.DescribedPredicate.anyElementThat;
import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noCodeUnits;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;

/**
 * The rules Spring Boot holds its own auto-configurations to: a user's bean replaces any
 * of comm's, class conditions guard whole configuration classes (a condition on a
 * {@code @Bean} method is evaluated after its class's signatures were already loaded).
 * Post-processors are infrastructure, not beans a user replaces. And what the starter
 * makes public speaks comm's API, never its internal types.
 */
class AutoConfigurationRulesTests {

	private static final JavaClasses autoconfigure = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("dev.comm.autoconfigure");

	@Test
	void noBeanMethodHasAClassCondition() {
		noMethods().that()
			.areAnnotatedWith(Bean.class)
			.should()
			.beAnnotatedWith(ConditionalOnClass.class)
			.check(autoconfigure);
	}

	@Test
	void everyBeanBacksOffToAUserBean() {
		methods().that()
			.areAnnotatedWith(Bean.class)
			.and()
			.haveRawReturnType(
					not(assignableTo(BeanPostProcessor.class).or(assignableTo(BeanFactoryPostProcessor.class))))
			.should()
			.beAnnotatedWith(ConditionalOnMissingBean.class)
			.check(autoconfigure);
	}

	@Test
	void publicTypesNeverNameAnInternalType() {
		noCodeUnits().that()
			.areDeclaredInClassesThat()
			.arePublic()
			.and()
			.arePublic()
			.should()
			.haveRawReturnType(resideInAPackage("dev.comm.internal.."))
			.orShould()
			.haveRawParameterTypes(anyElementThat(resideInAPackage("dev.comm.internal..")))
			.check(autoconfigure);
	}

}
