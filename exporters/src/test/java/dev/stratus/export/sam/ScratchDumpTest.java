package dev.stratus.export.sam;

import dev.stratus.export.ExportChecks;
import dev.stratus.export.serverless.ServerlessExporter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ScratchDumpTest {
    @Test
    void dump() throws Exception {
        for (Path sample : ExportChecks.samples()) {
            String name = sample.getFileName().toString().replace(".stratus.json", "");
            Path dir = Path.of("/tmp/sam-dump").resolve(name);
            if (!Files.exists(dir)) new SamExporter().export(ExportChecks.load(sample)).writeTo(dir, true);
            dir = Path.of("/tmp/sls-dump").resolve(name);
            if (!Files.exists(dir)) new ServerlessExporter().export(ExportChecks.load(sample)).writeTo(dir, true);
        }
    }
}
