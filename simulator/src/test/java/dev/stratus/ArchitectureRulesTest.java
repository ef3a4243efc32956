package dev.stratus;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "dev.stratus", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureRulesTest {

    @ArchTest
    static final ArchRule theSimulatorDoesNotTouchAUserInterfaceToolkit = noClasses()
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("javafx..", "java.awt..", "javax.swing..")
            .because("the simulator runs headless from the command line and in CI; the studio is the only UI");

    @ArchTest
    static final ArchRule theSimulatorDoesNotDependOnExportersOrTheStudio = noClasses()
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("dev.stratus.export..", "dev.stratus.app..", "dev.stratus.cli..")
            .because("dependencies point one way: app -> exporters -> simulator");

    @ArchTest
    static final ArchRule theModelDependsOnNothingButItself = noClasses()
            .that()
            .resideInAPackage("dev.stratus.model..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("dev.stratus.validate..", "dev.stratus.project..", "dev.stratus.provider..")
            .because("the model is plain records that everything else builds on");
}
