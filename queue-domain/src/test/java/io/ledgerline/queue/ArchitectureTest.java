package io.ledgerline.queue;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Random;
import java.util.UUID;

/** The domain stays a pure library: readable without knowing Kafka, testable without a clock. */
@AnalyzeClasses(packages = "io.ledgerline.queue", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule only_the_jdk_and_pcollections = classes()
            .that().resideInAPackage("io.ledgerline.queue..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "org.pcollections..", "io.ledgerline.queue..");

    @ArchTest
    static final ArchRule no_framework_or_wire_format = noClasses()
            .that().resideInAPackage("io.ledgerline.queue..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "io.quarkus..", "org.apache.avro..", "org.apache.kafka..", "jakarta..", "io.smallrye..");

    @ArchTest
    static final ArchRule no_clock_and_no_randomness = noClasses()
            .that().resideInAPackage("io.ledgerline.queue..")
            .should().dependOnClassesThat().areAssignableTo(Clock.class)
            .orShould().dependOnClassesThat().areAssignableTo(Random.class)
            .orShould().dependOnClassesThat().areAssignableTo(SecureRandom.class)
            .orShould().callMethod(System.class, "currentTimeMillis")
            .orShould().callMethod(System.class, "nanoTime")
            .orShould().callMethod(Instant.class, "now")
            .orShould().callMethod(UUID.class, "randomUUID")
            .orShould().callMethod(Math.class, "random");
}
