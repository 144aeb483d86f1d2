package dev.comm.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The layering of comm-core, held by the build: dependencies point one way, transports
 * only move frames, and nothing in core needs Spring Boot.
 */
class ArchitectureTests {

	private static final JavaClasses core = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("dev.comm");

	@Test
	void packagesHaveNoCycles() {
		slices().matching("dev.comm.(**)").should().beFreeOfCycles().check(core);
	}

	@Test
	void transportsDependOnlyOnTransportProtocolAndAddressTypes() {
		noClasses().that()
			.resideInAPackage("dev.comm.transport..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("dev.comm.client..", "dev.comm.handler..", "dev.comm.server..", "dev.comm.session..",
					"dev.comm.codec..")
			.check(core);
	}

	@Test
	void theProtocolKnowsNoTransportAndNoLink() {
		noClasses().that()
			.resideInAPackage("dev.comm.protocol..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("dev.comm.transport..", "dev.comm.client..", "dev.comm.handler..", "dev.comm.server..",
					"dev.comm.session..")
			.check(core);
	}

	@Test
	void addressesAndExceptionsStandAlone() {
		noClasses().that()
			.resideInAnyPackage("dev.comm", "dev.comm.address..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("dev.comm.transport..", "dev.comm.protocol..", "dev.comm.client..",
					"dev.comm.handler..", "dev.comm.server..", "dev.comm.session..")
			.check(core);
	}

	@Test
	void coreNeedsNoSpringBoot() {
		noClasses().should().dependOnClassesThat().resideInAPackage("org.springframework.boot..").check(core);
	}

	@Test
	void clientAndHandlerCodeNeverTouchesTransportLibraries() {
		noClasses().that()
			.resideInAnyPackage("dev.comm.client..", "dev.comm.handler..", "dev.comm.session..", "dev.comm.server..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("io.netty..", "com.rabbitmq..", "org.springframework.amqp..",
					"org.springframework.web.socket..")
			.check(core);
	}

}
