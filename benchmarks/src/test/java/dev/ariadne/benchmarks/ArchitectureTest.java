package dev.ariadne.benchmarks;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The README's module map as a build check: arrows point down only. Maven already refuses a cycle between
 * modules; these rules also catch a module reaching a package it could see transitively but must not use
 * (models touching Neo4j, cypher touching the planner, the loader touching cypher, the connections reaching
 * past core). Here because benchmarks sees every module below it; the integrations (langchain4j, spring-ai)
 * sit above engine and nothing below can name them without a Maven cycle.
 */
class ArchitectureTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importProductionClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.ariadne");
    }

    @Test
    void everyModuleIsImported() {
        // the rules below pass vacuously over classes that were never imported
        for (String c : new String[] {"dev.ariadne.core.graph.Entity", "dev.ariadne.connect.EmbeddedGraph",
            "dev.ariadne.models.planner.PathPlanner", "dev.ariadne.cypher.Neo4jGraphAccess", "dev.ariadne.loader.GraphLoader",
            "dev.ariadne.engine.Ariadne"}) {
            org.junit.jupiter.api.Assertions.assertTrue(classes.contain(c), c + " was not imported");
        }
        // and a rule that must fail does: every module depends on something in java.util
        org.junit.jupiter.api.Assertions.assertThrows(AssertionError.class, () -> noClasses().that()
                .resideInAPackage("dev.ariadne.core..").should().dependOnClassesThat().resideInAPackage("java.util..")
                .check(classes));
    }

    @Test
    void coreDependsOnNothingButTheJdk() {
        noClasses().that().resideInAPackage("dev.ariadne.core..")
                .should().dependOnClassesThat().resideOutsideOfPackages("dev.ariadne.core..", "java..")
                .check(classes);
    }

    @Test
    void modelsNeverTouchNeo4jOrTheLayersAboveThem() {
        noClasses().that().resideInAPackage("dev.ariadne.models..")
                .should().dependOnClassesThat().resideInAnyPackage("org.neo4j..", "dev.ariadne.connect..",
                        "dev.ariadne.cypher..", "dev.ariadne.loader..", "dev.ariadne.engine..", "dev.ariadne.benchmarks..")
                .check(classes);
    }

    @Test
    void cypherNeverTouchesThePlannerOrTheLayersAboveIt() {
        noClasses().that().resideInAPackage("dev.ariadne.cypher..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.ariadne.models..", "dev.ariadne.loader..",
                        "dev.ariadne.engine..", "dev.ariadne.benchmarks..")
                .check(classes);
    }

    @Test
    void theLoaderNeverTouchesCypherThePlannerOrTheLayersAboveIt() {
        noClasses().that().resideInAPackage("dev.ariadne.loader..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.ariadne.cypher..", "dev.ariadne.models..",
                        "dev.ariadne.engine..", "dev.ariadne.benchmarks..")
                .check(classes);
    }

    @Test
    void connectReachesNothingOfAriadneButCore() {
        noClasses().that().resideInAPackage("dev.ariadne.connect..")
                .should().dependOnClassesThat(JavaClass.Predicates.resideInAPackage("dev.ariadne..")
                        .and(JavaClass.Predicates.resideOutsideOfPackages("dev.ariadne.core..", "dev.ariadne.connect..")))
                .check(classes);
    }

    @Test
    void engineNeverReachesTheBenchmarksOrTheIntegrations() {
        noClasses().that().resideInAPackage("dev.ariadne.engine..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.ariadne.benchmarks..", "dev.ariadne.langchain4j..",
                        "dev.ariadne.springai..")
                .check(classes);
    }
}
