package dev.stratus.export.gcp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import dev.stratus.export.Documents;
import dev.stratus.export.Export;
import dev.stratus.export.ExportException;
import dev.stratus.export.ExportPlan;
import dev.stratus.export.ExportTarget;
import dev.stratus.export.Exporter;
import dev.stratus.model.Project;
import dev.stratus.model.Provider;
import java.io.UncheckedIOException;

/**
 * Google Cloud Functions: a Maven project on functions-framework-api with an {@code HttpFunction}
 * per HTTP-started function and a {@code CloudEventsFunction} per event-started one, a {@code
 * deploy.sh} of {@code gcloud} commands (Pub/Sub topics, buckets, Firestore, the functions with their
 * triggers and settings, Cloud Scheduler jobs, API Gateway), an environment file per function, and an
 * API Gateway OpenAPI 2.0 spec per gateway.
 *
 * <p>Generations: a project on {@link Provider#GCP_GEN2} deploys everything as 2nd gen; otherwise HTTP
 * functions are 1st gen, and event functions 2nd gen, because 1st gen runs Java event functions only
 * as background functions, not CloudEvents functions.
 *
 * <p>The export itself is {@link GcpBuild}; this class holds what its parts share: the placeholders,
 * the YAML writer and the records of a deployment.
 */
public final class GcpExporter implements Exporter {

    /** Placeholders in the YAML files that deploy.sh replaces with the project id and region. */
    static final String PROJECT = "__PROJECT__";

    static final String REGION = "__REGION__";

    static final String FRAMEWORK_VERSION = "2.0.0";

    /**
     * YAML as {@link Documents#yaml} writes it, but with strings that look like numbers quoted: gcloud
     * reads {@code 0755} in an env-vars file as the number 493, and API Gateway wants {@code swagger:
     * "2.0"} as a string.
     */
    static String yaml(Object tree) {
        try {
            return YAML.writeValueAsString(tree);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final ObjectWriter YAML =
            Documents.yamlMapper().writer().with(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS);

    @Override
    public ExportTarget target() {
        return ExportTarget.GCP;
    }

    @Override
    public Export export(Project project) throws ExportException {
        return new GcpBuild(ExportPlan.of(project)).run();
    }

    /** What starts one deployed Cloud Function. */
    enum Trigger {
        HTTP,
        PUBSUB,
        STORAGE
    }

    /**
     * One {@code gcloud functions deploy}: a function of the design can need several, since a Cloud
     * Function has exactly one trigger (an HTTP one for all its routes, one per event source).
     */
    record Deployment(
            String name,
            ExportPlan.Function function,
            String className,
            Trigger trigger,
            ExportPlan.Event event,
            boolean gen2,
            boolean isPublic) {}

    /** A bucket: the shell variable deploy.sh keeps its name in and the part after the project id. */
    record BucketName(String variable, String suffix) {
        String deployed() {
            return PROJECT + "-" + suffix;
        }
    }
}
