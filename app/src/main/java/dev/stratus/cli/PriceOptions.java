package dev.stratus.cli;

import dev.stratus.provider.PriceBook;
import dev.stratus.provider.PriceFileException;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The options every command that prices something shares: the free tier and a user price file. */
final class PriceOptions {

    /** {@code null} when neither {@code --free-tier} nor {@code --no-free-tier} is given. */
    @Option(
            names = "--free-tier",
            negatable = true,
            fallbackValue = "true",
            description = "Apply the monthly free tier, as the providers' own examples do, or not"
                    + " (default: the project's setting; on where there is no project).")
    Boolean freeTier;

    @Option(
            names = "--prices",
            paramLabel = "FILE",
            description = "A price file whose figures replace the standard ones (same shape, only what changes).")
    Path pricesFile;

    /** Whether the free tier applies: as the command line says, else {@code otherwise}. */
    boolean freeTier(boolean otherwise) {
        return freeTier != null ? freeTier : otherwise;
    }

    PriceBook book() {
        if (pricesFile == null) {
            return PriceBook.standard();
        }
        try {
            return PriceBook.load(pricesFile);
        } catch (PriceFileException e) {
            throw new UserError(e.getMessage());
        }
    }
}
