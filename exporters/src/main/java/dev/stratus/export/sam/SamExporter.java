package dev.stratus.export.sam;

import dev.stratus.export.Export;
import dev.stratus.export.ExportException;
import dev.stratus.export.ExportPlan;
import dev.stratus.export.ExportTarget;
import dev.stratus.export.Exporter;
import dev.stratus.export.aws.LambdaProject;
import dev.stratus.model.Project;

/**
 * Exports a design as an AWS SAM application: {@code template.yaml} with a function per function
 * node (its events, settings, environment and least-privilege policy templates), the tables,
 * buckets, queues, topics, streams and APIs the design needs, and outputs; the Maven project of
 * {@link LambdaProject}; and a README.
 *
 * <p>Every resource made from a node carries {@code Metadata: {Stratus: {id, name}}}, and the template
 * {@code Metadata: {Stratus: {name, description}}}, so that an import recovers the exact ids and
 * names. Intrinsic functions are written in their long form ({@code {Ref: X}}, {@code
 * {Fn::GetAtt: [X, Arn]}}), which CloudFormation reads like the short tags.
 *
 * <p>{@link SamTemplate} builds the template, with {@link SamApis} and {@link SamFunctions}; {@link
 * SamReadme} writes the README.
 */
public final class SamExporter implements Exporter {

    /** The stage the APIs deploy to; part of their URLs. */
    public static final String STAGE = "prod";

    /** The alias that provisioned concurrency is configured on. */
    public static final String ALIAS = "live";

    @Override
    public ExportTarget target() {
        return ExportTarget.SAM;
    }

    @Override
    public Export export(Project project) throws ExportException {
        return new SamTemplate(ExportPlan.of(project)).build();
    }
}
