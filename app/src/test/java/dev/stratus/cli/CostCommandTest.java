package dev.stratus.cli;

import static dev.stratus.cli.CliRun.stratus;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CostCommandTest {

    @TempDir
    Path folder;

    private static final String[] AWS_EXAMPLE = {
        "cost", "--provider", "aws", "--memory", "512", "--duration-ms", "1000", "--invocations", "3000000"
    };

    private static String[] awsExample(String... more) {
        List<String> args = new ArrayList<>(List.of(AWS_EXAMPLE));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    @Test
    void theAwsPricingPageExampleAsJson() throws IOException {
        // 512 MB, 3M runs of 1 s, free tier on by default:
        // compute (1,500,000 − 400,000 free) GB-s × $0.0000166667 = $18.333370;
        // requests (3M − 1M free) = 2 million × $0.20 = $0.40; total $18.733370, $18.73 to the cent.
        CliRun run = stratus(awsExample("--json"));
        assertThat(run.status()).isZero();
        assertThat(run.err()).isEmpty();
        JsonNode bill = new ObjectMapper().readTree(run.out());
        List<String> fields = new ArrayList<>();
        bill.fieldNames().forEachRemaining(fields::add);
        assertThat(fields).containsExactly("requests", "compute", "provisioned", "gateway", "total", "lineItems");
        assertThat(bill.get("requests").isNumber()).isTrue();
        assertThat(bill.get("requests").asDouble()).isEqualTo(0.4);
        assertThat(bill.get("compute").asDouble()).isEqualTo(18.33337);
        assertThat(bill.get("provisioned").asDouble()).isZero();
        assertThat(bill.get("gateway").asDouble()).isZero();
        assertThat(bill.get("total").asDouble()).isEqualTo(18.73337);
        assertThat(Math.round(bill.get("total").asDouble() * 100) / 100.0).isEqualTo(18.73);

        JsonNode items = bill.get("lineItems");
        assertThat(items).hasSize(4);
        JsonNode compute = items.get(3);
        List<String> itemFields = new ArrayList<>();
        compute.fieldNames().forEachRemaining(itemFields::add);
        assertThat(itemFields).containsExactly("description", "quantity", "unit", "unitPrice", "amount");
        assertThat(compute.get("description").asText())
                .isEqualTo("AWS Lambda compute, x86_64, first 6,000,000,000 GB-s");
        assertThat(compute.get("quantity").asDouble()).isEqualTo(1_100_000);
        assertThat(compute.get("unit").asText()).isEqualTo("GB-s");
        assertThat(compute.get("unitPrice").decimalValue()).isEqualByComparingTo("0.0000166667");
        assertThat(compute.get("amount").asDouble()).isEqualTo(18.33337);
        assertThat(items.get(1).get("description").asText()).isEqualTo("AWS Lambda requests");
        assertThat(items.get(1).get("quantity").asDouble()).isEqualTo(2);
        assertThat(items.get(1).get("unit").asText()).isEqualTo("million requests");
    }

    @Test
    void theTextBillIsATableOfLineItemsAndTheTotal() {
        CliRun run = stratus(AWS_EXAMPLE);
        assertThat(run.status()).isZero();
        List<String> lines = run.out().lines().toList();
        assertThat(lines.get(0))
                .isEqualTo("AWS Lambda, us-east-1, x86_64: 3,000,000 runs of 1000 ms (billed 1000 ms) at 512 MB"
                        + " for a 30-day month, free tier on");
        assertThat(lines.get(2)).startsWith("Item").contains("Quantity", "Unit price (USD)", "Amount (USD)");
        assertThat(lines)
                .anyMatch(line -> line.startsWith("AWS Lambda compute, x86_64, first 6,000,000,000 GB-s")
                        && line.contains("1,100,000")
                        && line.contains("0.0000166667")
                        && line.endsWith("18.33"));
        assertThat(lines.get(lines.size() - 1)).startsWith("Total").endsWith("18.73");
    }

    @Test
    void theFreeTierCanBeTurnedOffAndOnAgain() throws IOException {
        // Without it: 1,500,000 GB-s × $0.0000166667 = $25.000050 and 3 million × $0.20 = $0.60.
        JsonNode off = new ObjectMapper()
                .readTree(stratus(awsExample("--no-free-tier", "--json")).out());
        assertThat(off.get("total").asDouble()).isEqualTo(25.60005);
        JsonNode on = new ObjectMapper()
                .readTree(stratus(awsExample("--free-tier", "--json")).out());
        assertThat(on.get("total").asDouble()).isEqualTo(18.73337);
    }

    @Test
    void arm64AndAGatewayAddTheirPrices() throws IOException {
        // Arm: 1,100,000 GB-s × $0.0000133334 = $14.666740; HTTP API: 3 million × $1.00 = $3.00.
        JsonNode bill = new ObjectMapper()
                .readTree(stratus(awsExample("--arch", "arm64", "--gateway", "http", "--json"))
                        .out());
        assertThat(bill.get("compute").asDouble()).isEqualTo(14.66674);
        assertThat(bill.get("gateway").asDouble()).isEqualTo(3.0);
        assertThat(bill.get("total").asDouble()).isCloseTo(14.66674 + 0.40 + 3.00, within(1e-9));
    }

    @Test
    void provisionedInstancesTakeTheRunsWhileTheySuffice() throws IOException {
        // 1 instance of 512 MB: 2,592,000 s of its time for the month's 3,000,000 s of runs.
        // Enabled 0.5 GB × 2,592,000 s × $0.0000041667 = $5.400043; executing 1,296,000 GB-s
        // × $0.0000097222 = $12.599971; on demand 408,000 s × 0.5 GB = 204,000 GB-s × $0.0000166667
        // = $3.400007 and requests 3 million × $0.20 = $0.60, the free tier not applying.
        JsonNode bill = new ObjectMapper()
                .readTree(stratus(awsExample("--provisioned", "1", "--json")).out());
        assertThat(bill.get("provisioned").asDouble()).isCloseTo(5.400043 + 12.599971, within(2e-6));
        assertThat(bill.get("compute").asDouble()).isCloseTo(3.400007, within(1e-6));
        assertThat(bill.get("requests").asDouble()).isEqualTo(0.6);
    }

    @Test
    void aPriceFileChangesTheBill() throws IOException {
        Path prices = Files.writeString(
                folder.resolve("prices.json"),
                "{\"providers\": {\"aws\": {\"requests\": {\"price\": {\"value\": 0.30}}}}}");
        JsonNode bill = new ObjectMapper()
                .readTree(stratus(awsExample("--prices", prices.toString(), "--json"))
                        .out());
        assertThat(bill.get("requests").asDouble()).isCloseTo(0.60, within(1e-9));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "--provider|nowhere|--provider must be one of aws, gcp, gcp-gen2, azure, azure-flex, ibm, not 'nowhere'",
                "--memory|64|--memory 64 MB is outside AWS Lambda's 128 to 10,240 MB",
                "--duration-ms|-5|--duration-ms must be a number of milliseconds, at least 0, not -5.0",
                "--duration-ms|1000000|--duration-ms 1000000 is longer than AWS Lambda's longest timeout, 900 s",
                "--invocations|-1|--invocations must be at least 0, not -1",
                "--arch|sparc|--arch must be x86 or arm64, not 'sparc'",
                "--gateway|grpc|--gateway must be http or rest, not 'grpc'",
                "--provisioned|-2|--provisioned must be at least 0, not -2"
            })
    void badInputExitsTwoWithOneLine(String option, String value, String message) {
        List<String> args = new ArrayList<>(List.of(AWS_EXAMPLE));
        int at = args.indexOf(option);
        if (at >= 0) {
            args.set(at + 1, value);
        } else {
            args.add(option);
            args.add(value);
        }
        CliRun run = stratus(args.toArray(String[]::new));
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err().lines().toList()).containsExactly("stratus: " + message);
        assertThat(run.out()).isEmpty();
    }

    @Test
    void optionsThatDoNotApplyToTheProviderExitTwo() {
        CliRun flex = stratus(
                "cost", "--provider", "azure-flex", "--memory", "1000", "--duration-ms", "10", "--invocations", "5");
        assertThat(flex.status()).isEqualTo(2);
        assertThat(flex.err().lines().toList())
                .containsExactly("stratus: --memory 1000 MB is not a size Azure Functions (Flex Consumption) offers:"
                        + " 512, 2048, 4096 MB");
        CliRun gcpGateway = stratus(
                "cost",
                "--provider",
                "gcp",
                "--memory",
                "256",
                "--duration-ms",
                "10",
                "--invocations",
                "5",
                "--gateway",
                "http");
        assertThat(gcpGateway.status()).isEqualTo(2);
        assertThat(gcpGateway.err()).contains("Amazon API Gateway");
        CliRun gcpProvisioned = stratus(
                "cost",
                "--provider",
                "gcp",
                "--memory",
                "256",
                "--duration-ms",
                "10",
                "--invocations",
                "5",
                "--provisioned",
                "3");
        assertThat(gcpProvisioned.status()).isEqualTo(2);
        assertThat(gcpProvisioned.err().lines().toList())
                .singleElement()
                .asString()
                .contains("provisioned");
    }

    @Test
    void aBrokenPriceFileExitsTwoWithFileLineAndColumn() throws IOException {
        Path prices = Files.writeString(folder.resolve("bad.json"), "{\"providers\": {\"aws\": }\n");
        CliRun run = stratus(awsExample("--prices", prices.toString()));
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err().lines().toList()).singleElement().asString().startsWith("stratus: " + prices + ":1:");
    }

    @Test
    void aMissingOrMalformedNumberIsAUsageError() {
        assertThat(stratus("cost", "--provider", "aws").status()).isEqualTo(2);
        assertThat(stratus("cost", "--provider", "aws", "--memory", "lots", "--duration-ms", "1", "--invocations", "1")
                        .status())
                .isEqualTo(2);
    }
}
