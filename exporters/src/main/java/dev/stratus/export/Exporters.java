package dev.stratus.export;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/** The exporter of each target, for the command line and the studio. */
public final class Exporters {

    private static final Map<ExportTarget, Supplier<Exporter>> EXPORTERS = new EnumMap<>(ExportTarget.class);

    static {
        EXPORTERS.put(ExportTarget.SAM, dev.stratus.export.sam.SamExporter::new);
        EXPORTERS.put(ExportTarget.SERVERLESS, dev.stratus.export.serverless.ServerlessExporter::new);
        EXPORTERS.put(ExportTarget.AZURE, dev.stratus.export.azure.AzureExporter::new);
        EXPORTERS.put(ExportTarget.GCP, dev.stratus.export.gcp.GcpExporter::new);
        EXPORTERS.put(ExportTarget.OPENWHISK, dev.stratus.export.openwhisk.OpenWhiskExporter::new);
    }

    private Exporters() {}

    /** The exporter for {@code target}; every target has one. */
    public static Optional<Exporter> of(ExportTarget target) {
        return Optional.ofNullable(EXPORTERS.get(target)).map(Supplier::get);
    }
}
