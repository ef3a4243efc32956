package dev.stratus.cli;

import dev.stratus.provider.PriceBook;
import dev.stratus.provider.PriceFileException;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The options every command that prices something shares: the free tier and a user price file. */
final class PriceOptions {

    @Option(
            names = "--free-tier",
            negatable = true,
            defaultValue = "true",
            fallbackValue = "true",
            description = "Apply the monthly free tier (the default, as on the providers' own examples).")
    boolean freeTier;

    @Option(
            names = "--prices",
            paramLabel = "FILE",
            description = "A price file whose figures replace the standard ones (same shape, only what changes).")
    Path pricesFile;

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
