package dev.stratus.export;

import dev.stratus.model.Project;

/**
 * The Maven build of an exported project: coordinates, Java release and encoding, the compiler
 * plugin, and whatever dependencies and plugins the target adds. Plugin versions are ones known to
 * resolve from Maven Central.
 */
public final class MavenPom {

    /** Exported projects compile for Java 17 bytecode, which the Java 17 and 21 runtimes both run. */
    public static final String JAVA_RELEASE = "17";

    private final Xml project;
    private final Xml properties;
    private final Xml dependencies;
    private final Xml plugins;

    public MavenPom(String groupId, String artifactId, String name, String description) {
        project = Xml.element("project")
                .attribute("xmlns", "http://maven.apache.org/POM/4.0.0")
                .attribute("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance")
                .attribute(
                        "xsi:schemaLocation",
                        "http://maven.apache.org/POM/4.0.0 https://maven.apache.org/xsd/maven-4.0.0.xsd")
                .leaf("modelVersion", "4.0.0")
                .leaf("groupId", groupId)
                .leaf("artifactId", artifactId)
                .leaf("version", "1.0.0")
                .leaf("packaging", "jar")
                .leaf("name", name)
                .leaf("description", description);
        properties = project.child("properties")
                .leaf("maven.compiler.release", JAVA_RELEASE)
                .leaf("project.build.sourceEncoding", "UTF-8")
                .leaf("project.reporting.outputEncoding", "UTF-8");
        dependencies = project.child("dependencies");
        Xml build = project.child("build");
        plugins = build.child("plugins");
        plugin("org.apache.maven.plugins", "maven-compiler-plugin", "3.16.0");
        plugin("org.apache.maven.plugins", "maven-surefire-plugin", "3.6.1");
        plugin("org.apache.maven.plugins", "maven-jar-plugin", "3.5.1");
        plugin("org.apache.maven.plugins", "maven-resources-plugin", "3.5.0");
        plugin("org.apache.maven.plugins", "maven-install-plugin", "3.2.0");
        plugin("org.apache.maven.plugins", "maven-clean-plugin", "3.5.0");
    }

    /** The coordinates the targets use: group {@code com.example}, artifact from the project name. */
    public static MavenPom forProject(Project project, String suffix) {
        String artifact = artifactId(project, suffix);
        String description = project.description().isBlank() ? "Exported from Stratus" : project.description();
        return new MavenPom("com.example", artifact, project.name(), description);
    }

    public static String artifactId(Project project, String suffix) {
        return Names.kebab(project.name(), "stratus-app", 50) + "-" + suffix;
    }

    /** The Java package for generated code: {@code com.example.<project>}. */
    public static String basePackage(Project project) {
        return "com.example." + Names.packageSegment(project.name(), "app");
    }

    public MavenPom property(String key, String value) {
        properties.leaf(key, value);
        return this;
    }

    /**
     * Compiles for an older Java release than {@link #JAVA_RELEASE}, for a target whose runtime is older
     * (OpenWhisk's Java runtime is Java 8).
     */
    public MavenPom javaRelease(String release) {
        properties.set("maven.compiler.release", release);
        return this;
    }

    public MavenPom dependency(String groupId, String artifactId, String version) {
        return dependency(groupId, artifactId, version, null);
    }

    public MavenPom dependency(String groupId, String artifactId, String version, String scope) {
        Xml dependency = dependencies
                .child("dependency")
                .leaf("groupId", groupId)
                .leaf("artifactId", artifactId)
                .leaf("version", version);
        if (scope != null) {
            dependency.leaf("scope", scope);
        }
        return this;
    }

    /** Adds a plugin and returns its element, for configuration and executions. */
    public Xml plugin(String groupId, String artifactId, String version) {
        return plugins.child("plugin")
                .leaf("groupId", groupId)
                .leaf("artifactId", artifactId)
                .leaf("version", version);
    }

    /**
     * The shade plugin bound to package: one jar with the dependencies, as Lambda, OpenWhisk and the
     * Serverless Framework deploy it. Signature files are left out (they would fail verification).
     */
    public MavenPom shade(String finalName) {
        Xml plugin = plugin("org.apache.maven.plugins", "maven-shade-plugin", "3.6.2");
        Xml configuration = plugin.child("configuration")
                .leaf("createDependencyReducedPom", "false")
                .leaf("finalName", finalName);
        Xml filter = configuration.child("filters").child("filter").leaf("artifact", "*:*");
        filter.child("excludes")
                .leaf("exclude", "module-info.class")
                .leaf("exclude", "META-INF/*.SF")
                .leaf("exclude", "META-INF/*.DSA")
                .leaf("exclude", "META-INF/*.RSA");
        plugin.child("executions")
                .child("execution")
                .leaf("phase", "package")
                .child("goals")
                .leaf("goal", "shade");
        return this;
    }

    public String document() {
        return project.document();
    }
}
