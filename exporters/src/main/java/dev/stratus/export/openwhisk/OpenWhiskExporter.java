package dev.stratus.export.openwhisk;

import dev.stratus.export.Export;
import dev.stratus.export.ExportException;
import dev.stratus.export.ExportPlan;
import dev.stratus.export.ExportTarget;
import dev.stratus.export.Exporter;
import dev.stratus.model.Project;

/**
 * Apache OpenWhisk / IBM Cloud Functions: a {@code manifest.yaml} for wskdeploy (one package with an
 * action per function, triggers with their feeds, rules, and the API gateway's routes) and a Maven
 * project that builds the actions' jar.
 *
 * <p>OpenWhisk's Java runtime ({@code runtime: java}, kind {@code java:8}) runs Java 8, so the
 * project compiles for Java 8. Timers become alarm triggers ({@code /whisk.system/alarms/alarm} with a
 * five-field cron); queues, streams and topics become Kafka topics read by the Event Streams (Message
 * Hub) feed; buckets use IBM Cloud Object Storage's change feed. OpenWhisk creates none of the
 * services themselves: the README lists them.
 *
 * <p>The export itself is {@link OpenWhiskJob}, with {@link OpenWhiskManifest} and {@link
 * OpenWhiskReadme} writing the manifest and the README.
 */
public final class OpenWhiskExporter implements Exporter {

    /** The Gson the OpenWhisk Java runtime provides; the pom compiles against it. */
    static final String GSON_VERSION = "2.15.0";

    @Override
    public ExportTarget target() {
        return ExportTarget.OPENWHISK;
    }

    @Override
    public Export export(Project project) throws ExportException {
        return new OpenWhiskJob(ExportPlan.of(project)).run();
    }
}
