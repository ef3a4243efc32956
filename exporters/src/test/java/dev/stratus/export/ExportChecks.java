package dev.stratus.export;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stratus.model.Project;
import dev.stratus.project.ProjectFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * What the exporter tests share: the samples, running a command on an exported project with a time
 * limit (Maven, the Serverless Framework, Node), and where the npm tools were installed.
 */
public final class ExportChecks {

    private ExportChecks() {}

    /** The output and exit code of a finished command. */
    public record Result(int exitCode, String output) {}

    /** The repository's samples folder. */
    public static Path samplesFolder() {
        Path here = Path.of("").toAbsolutePath();
        for (Path dir = here; dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("samples")) && Files.exists(dir.resolve("samples/index.json"))) {
                return dir.resolve("samples");
            }
        }
        throw new IllegalStateException("no samples folder above " + here);
    }

    public static List<Path> samples() {
        try (Stream<Path> files = Files.list(samplesFolder())) {
            return files.filter(p -> p.getFileName().toString().endsWith(".stratus.json"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Project sample(String fileName) {
        return load(samplesFolder().resolve(fileName));
    }

    public static Project load(Path file) {
        try {
            return ProjectFiles.load(file);
        } catch (Exception e) {
            throw new IllegalStateException("cannot load " + file + ": " + e.getMessage(), e);
        }
    }

    /** Runs a command in {@code dir}, killing it after {@code limit}; stdout and stderr together. */
    public static Result run(Path dir, Duration limit, Map<String, String> environment, String... command)
            throws IOException, InterruptedException {
        ProcessBuilder builder =
                new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        builder.environment().putAll(environment);
        Path log = Files.createTempFile("stratus-check", ".log");
        builder.redirectOutput(log.toFile());
        Process process = builder.start();
        try {
            if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor();
                return new Result(-1, "timed out after " + limit + ":\n" + read(log));
            }
            return new Result(process.exitValue(), read(log));
        } finally {
            Files.deleteIfExists(log);
        }
    }

    private static String read(Path log) throws IOException {
        return Files.readString(log, StandardCharsets.UTF_8);
    }

    /** {@code mvn -B -q package} in an exported project; fails the test with Maven's output. */
    public static void mavenPackage(Path project) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("mvn", "-B", "-q", "package"));
        Result result = run(project, Duration.ofMinutes(10), Map.of(), command.toArray(String[]::new));
        assertThat(result.exitCode())
                .as("mvn -q package in %s:%n%s", project, result.output())
                .isZero();
    }

    /**
     * The node_modules folder where the build installed the npm tools (serverless@3,
     * {@code @adobe/aio-lib-runtime}); see the exec plugin in exporters/pom.xml.
     */
    public static Path nodeModules() {
        String configured = System.getProperty("stratus.nodeTools");
        Path folder = configured != null ? Path.of(configured) : Path.of("target/node-tools/node_modules");
        assertThat(folder.resolve(".package-lock.json"))
                .as("npm tools installed by the build in %s", folder)
                .exists();
        return folder.toAbsolutePath();
    }

    /**
     * Compares an export file by file with the golden copy in
     * {@code src/test/resources/golden/<name>/}: the same paths, the same text. Run the tests with
     * {@code -Dstratus.updateGolden=true} to rewrite the golden copy after a deliberate change, and
     * review the difference in git before committing it.
     */
    public static void assertMatchesGolden(Export export, String name) throws IOException {
        Path golden = Path.of("src/test/resources/golden").resolve(name);
        if (Boolean.getBoolean("stratus.updateGolden")) {
            if (Files.exists(golden)) {
                try (Stream<Path> old = Files.walk(golden)) {
                    for (Path p :
                            old.sorted(java.util.Comparator.reverseOrder()).toList()) {
                        Files.delete(p);
                    }
                }
            }
            export.writeTo(golden, false);
        }
        List<String> expected;
        try (Stream<Path> files = Files.walk(golden)) {
            expected = files.filter(Files::isRegularFile)
                    .map(p -> golden.relativize(p).toString().replace('\\', '/'))
                    .sorted()
                    .toList();
        }
        assertThat(export.files().paths().stream().sorted().toList())
                .as("files of the %s export (golden copy in %s)", name, golden)
                .isEqualTo(expected);
        for (String path : expected) {
            assertThat(export.files().text(path))
                    .as(
                            "%s of the %s export differs from the golden copy; if the change is meant,"
                                    + " run with -Dstratus.updateGolden=true and review the diff",
                            path, name)
                    .isEqualTo(Files.readString(golden.resolve(path), StandardCharsets.UTF_8));
        }
    }

    /** Writes an export into a fresh folder under {@code parent} and returns the folder. */
    public static Path write(Export export, Path parent, String name) throws IOException {
        Path folder = parent.resolve(name);
        export.writeTo(folder, false);
        return folder;
    }
}
