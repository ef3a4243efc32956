package dev.stratus.export;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "dev.stratus", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureRulesTest {

    @ArchTest
    static final ArchRule exportersDoNotTouchAUserInterfaceToolkit = noClasses()
            .that()
            .resideInAPackage("dev.stratus.export..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("javafx..", "java.awt..", "javax.swing..")
            .because("exporters run from the command line and in CI with no display; the studio is the only UI");

    @ArchTest
    static final ArchRule exportersDoNotDependOnTheStudio = noClasses()
            .that()
            .resideInAPackage("dev.stratus.export..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("dev.stratus.app..", "dev.stratus.cli..")
            .because("dependencies point one way: app -> exporters -> simulator");
}
