package dev.stratus.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stratus.model.ApiGateway;
import dev.stratus.model.Distribution;
import dev.stratus.model.FunctionNode;
import dev.stratus.model.Provider;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PriceBookTest {

    @TempDir
    Path folder;

    private static JsonNode resource() throws IOException {
        try (InputStream in = PriceBook.class.getResourceAsStream(PriceBook.RESOURCE)) {
            return new ObjectMapper().readTree(in);
        }
    }

    private Path file(String name, String text) throws IOException {
        Path file = Files.writeString(folder.resolve(name), text);
        Files.setLastModifiedTime(file, FileTime.from(Instant.parse("2026-10-01T12:00:00Z")));
        return file;
    }

    @Test
    void everyFigureInTheStandardFileHasASourceAndADate() throws IOException {
        JsonNode tree = resource();
        assertThat(PriceTree.figureProblems(tree)).isEmpty();
        // The walk really visits the figures: count them independently of the check.
        AtomicInteger figures = new AtomicInteger();
        countFigures(tree, figures);
        assertThat(figures.get()).isGreaterThan(150);
    }

    private static void countFigures(JsonNode node, AtomicInteger figures) {
        if (node.isObject() && node.has("value")) {
            figures.incrementAndGet();
        } else {
            node.forEach(child -> countFigures(child, figures));
        }
    }

    @Test
    void theSourceCheckFailsOnAFigureWithoutSourceOrDateAndOnABareNumber() throws IOException {
        JsonNode broken = new ObjectMapper().readTree("""
                {"providers": {"aws": {
                  "requests": {"price": {"value": 0.2, "unit": "USD per million requests", "source": "aws.amazon.com"}},
                  "free": {"value": 1000000, "unit": "requests", "source": " ", "asOf": "2026-11-27"},
                  "timeout": 900,
                  "sizes": [{"value": 512, "unit": "MB", "source": "docs", "asOf": "2026-13-01"}],
                  "initBilled": {"value": true, "source": "blog", "asOf": "2025-08-01"}
                }}}
                """);
        assertThat(PriceTree.figureProblems(broken))
                .containsExactly(
                        "providers.aws.requests.price: the figure has no asOf date (YYYY-MM-DD)",
                        "providers.aws.free: the figure has no source",
                        "providers.aws.timeout: 900 is not inside a figure, so it has no source",
                        "providers.aws.sizes[0]: the figure has no asOf date (YYYY-MM-DD)",
                        "providers.aws.initBilled: the figure has no unit");
    }

    @Test
    void estimatesSayTheyAreEstimates() {
        PriceBook book = PriceBook.standard();
        assertThat(book.prices(Provider.AWS).requests().firstPrice().isEstimate())
                .isFalse();
        assertThat(book.service("dynamodb-write").tariff().firstPrice().isEstimate())
                .isTrue();
        assertThat(book.server().hourly().isEstimate()).isTrue();
        assertThat(book.server().hourly().source()).contains("m7i.large");
    }

    @Test
    void theSimulatorAndValidatorReadTheirFiguresFromTheDataFile() {
        // Limits and runtime profiles have no figures of their own: they are views of providers.json.
        assertThat(Limits.of(Provider.AWS))
                .isEqualTo(Limits.of(PriceBook.standard().prices(Provider.AWS).limits()));
        assertThat(Limits.of(Provider.AWS).maxMemoryMb()).isEqualTo(10_240);
        assertThat(Limits.of(Provider.AZURE_FLEX).memorySizesMb()).containsExactly(512, 2_048, 4_096);
        assertThat(Limits.of(Provider.AZURE_FLEX).maxTimeoutSeconds()).isInfinite();
        RuntimeProfile aws = RuntimeProfile.of(Provider.AWS);
        assertThat(aws.accountConcurrency()).isEqualTo(1_000);
        assertThat(aws.scaleOutBurst()).isEqualTo(1_000);
        assertThat(aws.scaleOutPeriodSeconds()).isEqualTo(10.0);
        assertThat(aws.asyncRetries()).isEqualTo(2);
        for (Provider provider : Provider.values()) {
            ProviderPrices prices = PriceBook.standard().prices(provider);
            if (provider != Provider.AWS) {
                // AWS's cold starts come from the lambda-perf measurements; the others are one estimate each.
                Distribution estimate = RuntimeProfile.coldStart(provider, FunctionNode.of("f", "f"));
                assertThat(prices.coldStart().distribution()).isEqualTo(estimate);
                assertThat(prices.coldStart().basis()).isEqualTo("estimate");
            }
        }
        // AWS java21 on x86: the lambda-perf measurements (about 300 ms on average), not the fallback.
        Distribution java21 = RuntimeProfile.coldStart(Provider.AWS, FunctionNode.of("f", "f"));
        assertThat(java21.meanMs()).isBetween(250.0, 350.0);
    }

    @Test
    void cpuFollowsMemoryAsEachProviderSays() {
        PriceBook book = PriceBook.standard();
        // AWS: one vCPU at 1,769 MB, in proportion below; one thread cannot use more than one.
        CpuModel aws = book.prices(Provider.AWS).cpu();
        assertThat(aws.vcpu(1769)).isEqualTo(1.0);
        assertThat(aws.singleThreadShare(884)).isCloseTo(0.49972, org.assertj.core.api.Assertions.within(1e-5));
        assertThat(aws.singleThreadShare(3008)).isEqualTo(1.0);
        // Google 1st gen: 256 MB runs at 400 MHz, a sixth of a 2.4 GHz vCPU; 300 MB gets the 512 MB tier.
        CpuModel gcp = book.prices(Provider.GCP).cpu();
        assertThat(gcp.clockGhz(256)).hasValue(0.4);
        assertThat(gcp.vcpu(256)).isEqualTo(400.0 / 2400);
        assertThat(gcp.clockGhz(300)).hasValue(0.8);
        // Azure Consumption: fixed.
        assertThat(book.prices(Provider.AZURE).cpu().vcpu(128))
                .isEqualTo(book.prices(Provider.AZURE).cpu().vcpu(1536));
        // Cloud Run functions: 0.583 vCPU at 1 GiB.
        assertThat(book.prices(Provider.GCP_GEN2).cpu().vcpu(1024)).isEqualTo(0.583);
    }

    @Test
    void aUserFileChangesOnePriceAndLeavesTheRest() throws Exception {
        Path user = file("prices.json", """
                {"providers": {"aws": {"requests": {"price": {"value": 0.25}}}}}
                """);
        PriceBook standard = PriceBook.standard();
        PriceBook book = PriceBook.load(user);

        Figure price = book.prices(Provider.AWS).requests().firstPrice();
        assertThat(price.value()).isEqualTo(0.25);
        assertThat(price.unit()).isEqualTo("USD per million requests");
        // A changed figure is no longer the provider's: it is sourced to the user's file, of its date.
        assertThat(price.source()).isEqualTo("user price file " + user);
        assertThat(price.asOf()).isEqualTo("2026-10-01");

        ProviderPrices before = standard.prices(Provider.AWS);
        ProviderPrices after = book.prices(Provider.AWS);
        assertThat(after.compute()).isEqualTo(before.compute());
        assertThat(after.freeTier()).isEqualTo(before.freeTier());
        assertThat(after.billing()).isEqualTo(before.billing());
        for (Provider other : Provider.values()) {
            if (other != Provider.AWS) {
                assertThat(book.prices(other)).isEqualTo(standard.prices(other));
            }
        }
        assertThat(book.apiGateway(ApiGateway.Type.HTTP)).isEqualTo(standard.apiGateway(ApiGateway.Type.HTTP));
        assertThat(book.services()).isEqualTo(standard.services());
    }

    @Test
    void aUserFileCanChangeOneTierOfAList() throws Exception {
        // An empty object keeps the first tier; the second gets a negotiated price with its own source.
        Path user = file("tiers.json", """
                {"providers": {"aws": {"compute": {"x86_64": {"gbSeconds": {"tiers": [
                  {},
                  {"price": {"value": 0.000014, "source": "our enterprise agreement", "asOf": "2026-09-30"}}
                ]}}}}}}
                """);
        Tariff before = PriceBook.standard()
                .prices(Provider.AWS)
                .compute()
                .get("x86_64")
                .meters()
                .get(Meter.GB_SECONDS);
        Tariff after = PriceBook.load(user)
                .prices(Provider.AWS)
                .compute()
                .get("x86_64")
                .meters()
                .get(Meter.GB_SECONDS);
        assertThat(after.tiers()).hasSize(3);
        assertThat(after.tiers().get(0)).isEqualTo(before.tiers().get(0));
        assertThat(after.tiers().get(1).price())
                .isEqualTo(new Figure(0.000014, "USD per GB-s", "our enterprise agreement", "2026-09-30"));
        assertThat(after.tiers().get(1).upTo()).isEqualTo(before.tiers().get(1).upTo());
        assertThat(after.tiers().get(2)).isEqualTo(before.tiers().get(2));
    }

    @Test
    void aBrokenUserFileGivesFileLineAndColumn() throws IOException {
        String third = "    \"aws\": {\"requests\": {\"price\": {\"value\": 0.25,}}}";
        Path user = file("broken.json", "{\n  \"providers\": {\n" + third + "\n  }\n}\n");
        // The fault is the '}' after the trailing comma, on line 3.
        int column = third.indexOf(",}") + 2;
        assertThatThrownBy(() -> PriceBook.load(user))
                .isInstanceOf(PriceFileException.class)
                .hasMessage(user + ":3:" + column + ": is not valid JSON: Unexpected character ('}' (code 125)): "
                        + "was expecting double-quote to start field name")
                .satisfies(e -> {
                    PriceFileException error = (PriceFileException) e;
                    assertThat(error.line()).isEqualTo(3);
                    assertThat(error.column()).isEqualTo(column);
                });
    }

    @Test
    void aTruncatedUserFileSaysItEndsTooEarly() throws IOException {
        Path user = file("cut.json", "{\n  \"providers\": {\"aws\": {\n");
        assertThatThrownBy(() -> PriceBook.load(user))
                .isInstanceOf(PriceFileException.class)
                .hasMessageStartingWith(user + ":3:")
                .hasMessageEndingWith("is not valid JSON: the file ends too early");
    }

    @Test
    void anUnknownKeyIsAnErrorNamingFileLineColumnAndKey() throws IOException {
        Path user = file("typo.json", """
                {"providers": {
                  "aws": {
                    "requets": {"price": {"value": 0.25}}
                  }
                }}
                """);
        assertThatThrownBy(() -> PriceBook.load(user))
                .isInstanceOf(PriceFileException.class)
                .hasMessageStartingWith(user + ":3:5: unknown key \"requets\" at providers.aws; known keys here: ")
                .hasMessageContaining("requests");
    }

    @Test
    void aValueOfTheWrongTypeIsAnErrorWithItsPlace() throws IOException {
        String text = "{\"providers\": {\"gcp\": {\"requests\": {\"price\": {\"value\": \"cheap\"}}}}}";
        Path user = file("type.json", text + "\n");
        int column = text.indexOf("\"cheap\"") + 1;
        assertThatThrownBy(() -> PriceBook.load(user))
                .isInstanceOf(PriceFileException.class)
                .hasMessage(user + ":1:" + column
                        + ": expected a number at providers.gcp.requests.price.value, found text");
    }

    @Test
    void aPriceWhoseUnitIsNotUsdIsRefusedWithItsPath() throws IOException {
        Path user = file("unit.json", """
                {"providers": {"azure": {"requests": {"price": {"value": 0.18, "unit": "EUR per million requests"}}}}}
                """);
        assertThatThrownBy(() -> PriceBook.load(user))
                .isInstanceOf(PriceFileException.class)
                .hasMessageStartingWith(user + ": providers.azure.requests: ")
                .hasMessageContaining("\"EUR per million requests\"");
    }

    @Test
    void aMissingUserFileIsOneLine() {
        Path missing = folder.resolve("nowhere.json");
        assertThatThrownBy(() -> PriceBook.load(missing))
                .isInstanceOf(PriceFileException.class)
                .hasMessage(missing + ": no such file");
    }
}
