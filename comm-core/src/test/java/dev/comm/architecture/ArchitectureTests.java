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

	/** What users and transport authors may use: everything outside {@code internal}. */
	private static final String[] API = { "dev.comm", "dev.comm.address..", "dev.comm.client..", "dev.comm.codec..",
			"dev.comm.endpoint..", "dev.comm.handler..", "dev.comm.protocol..", "dev.comm.transport.." };

	private static final String INTERNAL = "dev.comm.internal..";

	private static final String TRANSPORT_IMPLEMENTATIONS = "dev.comm.internal.transport..";

	/**
	 * The parts that run calls: they know links and handlers, never a transport library.
	 */
	private static final String[] CALL_MACHINERY = { "dev.comm.client..", "dev.comm.handler..", "dev.comm.endpoint..",
			"dev.comm.internal.client..", "dev.comm.internal.handler..", "dev.comm.internal.server..",
			"dev.comm.internal.session.." };

	private static final JavaClasses core = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("dev.comm");

	@Test
	void packagesHaveNoCycles() {
		slices().matching("dev.comm.(**)").should().beFreeOfCycles().check(core);
	}

	@Test
	void theApiNeverNamesAnInternalType() {
		noClasses().that()
			.resideInAnyPackage(API)
			.should()
			.dependOnClassesThat()
			.resideInAPackage(INTERNAL)
			.check(core);
	}

	@Test
	void transportsDependOnlyOnTheTransportSpiProtocolAndAddressTypes() {
		noClasses().that()
			.resideInAPackage(TRANSPORT_IMPLEMENTATIONS)
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage(CALL_MACHINERY)
			.orShould()
			.dependOnClassesThat()
			.resideInAPackage("dev.comm.codec..")
			.check(core);
	}

	@Test
	void theProtocolKnowsNoTransportAndNoLink() {
		noClasses().that()
			.resideInAPackage("dev.comm.protocol..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("dev.comm.transport..", "dev.comm.client..", "dev.comm.handler..",
					"dev.comm.endpoint..", INTERNAL)
			.check(core);
	}

	@Test
	void addressesAndExceptionsStandAlone() {
		noClasses().that()
			.resideInAnyPackage("dev.comm", "dev.comm.address..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("dev.comm.transport..", "dev.comm.protocol..", "dev.comm.client..",
					"dev.comm.handler..", "dev.comm.endpoint..", INTERNAL)
			.check(core);
	}

	@Test
	void coreNeedsNoSpringBoot() {
		noClasses().should().dependOnClassesThat().resideInAPackage("org.springframework.boot..").check(core);
	}

	@Test
	void callMachineryNeverTouchesTransportLibraries() {
		noClasses().that()
			.resideInAnyPackage(CALL_MACHINERY)
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("io.netty..", "com.rabbitmq..", "org.springframework.amqp..",
					"org.springframework.web.socket..")
			.check(core);
	}

}
