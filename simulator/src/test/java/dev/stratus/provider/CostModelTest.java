package dev.stratus.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.stratus.model.ApiGateway;
import dev.stratus.model.FunctionNode.Architecture;
import dev.stratus.model.Provider;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/** Bills against the providers' own worked examples and hand arithmetic, each written out. */
class CostModelTest {

    private static final PriceBook BOOK = PriceBook.standard();
    private static final CostModel FREE_TIER = new CostModel(BOOK, true);
    private static final CostModel NO_FREE_TIER = new CostModel(BOOK, false);
    private static final Offset<Double> MICRO = within(1e-6);

    private static double cents(double usd) {
        return BigDecimal.valueOf(usd).setScale(2, RoundingMode.HALF_UP).doubleValue();
    }

    /** {@code invocations} runs of {@code durationMs} each, rounded as the provider rounds them. */
    private static FunctionUsage runs(
            Provider provider, Architecture arch, int memoryMb, long invocations, double durationMs) {
        double billedMs = CostModel.billedMillis(BOOK.prices(provider), durationMs);
        return new FunctionUsage("f", provider, arch, memoryMb, invocations, invocations * billedMs / 1000, 0, 0);
    }

    private static FunctionUsage runs(Provider provider, int memoryMb, long invocations, double durationMs) {
        return runs(provider, Architecture.X86_64, memoryMb, invocations, durationMs);
    }

    @Test
    void theAwsPricingPageExample() {
        // 512 MB, 3M invocations of 1 s, free tier on.
        // compute: 3,000,000 × 1 s × 0.5 GB = 1,500,000 GB-s; − 400,000 free = 1,100,000 GB-s
        //          × $0.0000166667 = $18.333370 → $18.33
        // requests: 3,000,000 − 1,000,000 free = 2,000,000 = 2 million × $0.20 = $0.40
        // total: $18.733370 → $18.73.
        // The page shows $18.34 and $18.74 because it multiplies by the price rounded to
        // $0.00001667: 1,100,000 × $0.00001667 = $18.337 → $18.34, + $0.40 = $18.74. With the
        // published $0.0000166667 the total is $18.73, as the issue states.
        Bill bill = FREE_TIER.bill(List.of(runs(Provider.AWS, 512, 3_000_000, 1_000)));

        assertThat(bill.lineItems())
                .containsExactly(
                        new LineItem("AWS Lambda requests (free tier)", 1, "million requests", 0, 0),
                        new LineItem("AWS Lambda requests", 2, "million requests", 0.20, 2 * 0.20),
                        new LineItem("AWS Lambda compute, x86_64 (free tier)", 400_000, "GB-s", 0, 0),
                        new LineItem(
                                "AWS Lambda compute, x86_64, first 6,000,000,000 GB-s",
                                1_100_000,
                                "GB-s",
                                0.0000166667,
                                1_100_000 * 0.0000166667));
        assertThat(bill.compute()).isCloseTo(18.333370, MICRO);
        assertThat(bill.requests()).isCloseTo(0.40, MICRO);
        assertThat(cents(bill.compute())).isEqualTo(18.33);
        assertThat(cents(bill.total())).isEqualTo(18.73);
        assertThat(cents(1_100_000 * 0.00001667)).isEqualTo(18.34);
        assertThat(cents(1_100_000 * 0.00001667 + 0.40)).isEqualTo(18.74);
    }

    @Test
    void withoutTheFreeTierEveryRequestAndGbSecondIsBilled() {
        // 3,000,000 × 1 s × 0.5 GB = 1,500,000 GB-s × $0.0000166667 = $25.000050;
        // 3 million requests × $0.20 = $0.60; total $25.600050.
        Bill bill = NO_FREE_TIER.bill(List.of(runs(Provider.AWS, 512, 3_000_000, 1_000)));
        assertThat(bill.lineItems()).noneMatch(item -> item.description().contains("free tier"));
        assertThat(bill.compute()).isCloseTo(25.000050, MICRO);
        assertThat(bill.requests()).isCloseTo(0.60, MICRO);
        assertThat(bill.total()).isCloseTo(25.600050, MICRO);
    }

    @Test
    void arm64HasItsOwnPrice() {
        // The page's example on Arm: 1,100,000 GB-s (after the free 400,000) × $0.0000133334 = $14.666740;
        // + $0.40 of requests = $15.066740.
        Bill bill = FREE_TIER.bill(List.of(runs(Provider.AWS, Architecture.ARM64, 512, 3_000_000, 1_000)));
        assertThat(bill.lineItems().get(3).description())
                .isEqualTo("AWS Lambda compute, arm64, first 7,500,000,000 GB-s");
        assertThat(bill.compute()).isCloseTo(14.666740, MICRO);
        assertThat(bill.total()).isCloseTo(15.066740, MICRO);
    }

    @Test
    void awsRoundsEachRunUpToTheMillisecond() {
        ProviderPrices aws = BOOK.prices(Provider.AWS);
        assertThat(CostModel.billedMillis(aws, 27.4)).isEqualTo(28);
        assertThat(CostModel.billedMillis(aws, 300)).isEqualTo(300);
        // 0.3 s in ms is 300.00000000000006 in binary floating point; it still bills 300 ms.
        assertThat(CostModel.billedMillis(aws, 0.3 * 1000)).isEqualTo(300);
        assertThat(CostModel.billedMillis(aws, 0)).isEqualTo(1);
    }

    @Test
    void aMonthThatCrossesTheFirstAwsTier() {
        // 7,000,000,000 runs of 1 s at 1,024 MB = 7,000,000,000 GB-s, free tier off:
        // 6,000,000,000 × $0.0000166667 = $100,000.20 and 1,000,000,000 × $0.000015 = $15,000.00.
        Bill bill = NO_FREE_TIER.bill(List.of(runs(Provider.AWS, 1024, 7_000_000_000L, 1_000)));
        List<LineItem> compute = bill.lineItems().subList(1, bill.lineItems().size());
        assertThat(compute)
                .extracting(LineItem::description, LineItem::quantity, LineItem::unitPrice)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                "AWS Lambda compute, x86_64, first 6,000,000,000 GB-s", 6e9, 0.0000166667),
                        org.assertj.core.groups.Tuple.tuple(
                                "AWS Lambda compute, x86_64, next 9,000,000,000 GB-s", 1e9, 0.000015));
        assertThat(bill.compute()).isCloseTo(100_000.20 + 15_000.00, within(1e-4));
        // Requests: 7,000 million × $0.20 = $1,400.
        assertThat(bill.requests()).isCloseTo(1_400, within(1e-6));
    }

    @Test
    void aMonthPastTheLastAwsTier() {
        // 16,000,000,000 GB-s: 6B × $0.0000166667 + 9B × $0.000015 + 1B × $0.0000133334
        // = $100,000.20 + $135,000 + $13,333.40 = $248,333.60.
        Bill bill = NO_FREE_TIER.bill(
                List.of(new FunctionUsage("f", Provider.AWS, Architecture.X86_64, 1024, 0, 16e9, 0, 0)));
        assertThat(bill.lineItems().get(bill.lineItems().size() - 1).description())
                .isEqualTo("AWS Lambda compute, x86_64, over 15,000,000,000 GB-s");
        assertThat(bill.compute()).isCloseTo(248_333.60, within(1e-4));
    }

    @Test
    void provisionedConcurrencyIsBilledWhileEnabledAndWhileExecuting() {
        // 10 instances of 1,024 MB enabled for 30 days (8,640 blocks of 5 minutes = 2,592,000 s):
        // 10 × 1 GB × 2,592,000 s = 25,920,000 GB-s × $0.0000041667 = $108.000864.
        // 20,000,000 runs of 100 ms on them: 2,000,000 s × 1 GB = 2,000,000 GB-s × $0.0000097222
        // = $19.444400. Requests: no free tier with provisioned concurrency (AWS), 20 million × $0.20
        // = $4.00, although the free tier is on. Total $131.445264.
        FunctionUsage usage =
                new FunctionUsage("api", Provider.AWS, Architecture.X86_64, 1024, 20_000_000, 2_000_000, 10, 2_000_000);
        Bill bill = FREE_TIER.bill(List.of(usage));
        assertThat(bill.lineItems())
                .contains(
                        new LineItem(
                                "api: provisioned concurrency enabled, 10 × 1 GB × 2,592,000 s",
                                25_920_000,
                                "GB-s",
                                0.0000041667,
                                25_920_000 * 0.0000041667),
                        new LineItem(
                                "api: duration on provisioned instances",
                                2_000_000,
                                "GB-s",
                                0.0000097222,
                                2_000_000 * 0.0000097222));
        assertThat(bill.provisioned()).isCloseTo(108.000864 + 19.444400, MICRO);
        assertThat(bill.requests()).isCloseTo(4.00, MICRO);
        assertThat(bill.compute()).isZero();
        assertThat(bill.total()).isCloseTo(131.445264, MICRO);
    }

    @Test
    void runsBeyondTheProvisionedInstancesAreBilledOnDemandWithoutTheFreeTier() {
        // 1 instance of 512 MB; 3,000,000 s of runs, 2,592,000 s of them on the instance.
        // Enabled: 0.5 GB × 2,592,000 s = 1,296,000 GB-s × $0.0000041667 = $5.400043;
        // executing: 2,592,000 × 0.5 = 1,296,000 GB-s × $0.0000097222 = $12.599971;
        // on demand: 408,000 s × 0.5 = 204,000 GB-s × $0.0000166667 = $3.400007, no free tier.
        FunctionUsage usage =
                new FunctionUsage("f", Provider.AWS, Architecture.X86_64, 512, 3_000_000, 3_000_000, 1, 2_592_000);
        Bill bill = FREE_TIER.bill(List.of(usage));
        assertThat(bill.provisioned()).isCloseTo(1_296_000 * 0.0000041667 + 1_296_000 * 0.0000097222, MICRO);
        assertThat(bill.compute()).isCloseTo(204_000 * 0.0000166667, MICRO);
        assertThat(bill.lineItems()).noneMatch(item -> item.description().contains("free tier"));
    }

    @Test
    void theFreeTierIsSharedByAllFunctionsAndBothArchitectures() {
        // x86: 300,000 GB-s; Arm: 300,000 GB-s. The 400,000 free cover the x86 function's first, then
        // 100,000 of the Arm one's: Arm bills 200,000 × $0.0000133334 = $2.666680.
        Bill bill = FREE_TIER.bill(List.of(
                new FunctionUsage("a", Provider.AWS, Architecture.X86_64, 1024, 0, 300_000, 0, 0),
                new FunctionUsage("b", Provider.AWS, Architecture.ARM64, 1024, 0, 300_000, 0, 0)));
        assertThat(bill.compute()).isCloseTo(200_000 * 0.0000133334, MICRO);
    }

    @Test
    void ephemeralStorageBeyond512MbIsBilledPerGbSecond() {
        // 10,240 MB of disk: 9.5 GB beyond the included 512 MB × 1,000,000 s = 9,500,000 GB-s
        // × $0.0000000309 = $0.293550.
        FunctionUsage usage =
                new FunctionUsage("f", Provider.AWS, Architecture.X86_64, 128, 0, 1_000_000, 0, 0, 10_240);
        Bill bill = FREE_TIER.bill(List.of(usage));
        assertThat(bill.lineItems())
                .contains(new LineItem(
                        "f: ephemeral storage beyond 512 MB",
                        9_500_000,
                        "GB-s",
                        0.0000000309,
                        9_500_000 * 0.0000000309));
    }

    @Test
    void googleFirstGenRoundsUpTo100MsAndBillsMemoryAndClock() {
        ProviderPrices gcp = BOOK.prices(Provider.GCP);
        // The pricing page's own example: a function executing for 260 ms is billed as 300 ms.
        assertThat(CostModel.billedMillis(gcp, 260)).isEqualTo(300);
        assertThat(CostModel.billedMillis(gcp, 20)).isEqualTo(100);
        // 10,000,000 runs of 260 ms at 256 MB (400 MHz), free tier off: 3,000,000 billed s.
        // GB-s: 3,000,000 × 0.25 = 750,000 × $0.0000025 = $1.875;
        // GHz-s: 3,000,000 × 0.4 = 1,200,000 × $0.00001 = $12.00;
        // invocations: 10 million × $0.40 = $4.00. Total $17.875.
        // Check against the page's table, 256 MB / 400 MHz at $0.000000463 per 100 ms:
        // 10,000,000 × 3 × $0.000000463 = $13.89 ≈ $1.875 + $12.00 (the table rounds up $0.0000004625).
        Bill bill = NO_FREE_TIER.bill(List.of(runs(Provider.GCP, 256, 10_000_000, 260)));
        assertThat(bill.lineItems())
                .extracting(LineItem::description, LineItem::quantity)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("Google Cloud Functions (1st gen) requests", 10.0),
                        org.assertj.core.groups.Tuple.tuple(
                                "Google Cloud Functions (1st gen) compute (GB-s)", 750_000.0),
                        org.assertj.core.groups.Tuple.tuple(
                                "Google Cloud Functions (1st gen) compute (GHz-s)", 1_200_000.0));
        assertThat(bill.compute()).isCloseTo(1.875 + 12.00, MICRO);
        assertThat(bill.total()).isCloseTo(17.875, MICRO);
        // With the free tier: 350,000 GB-s × $0.0000025 = $0.875; 1,000,000 GHz-s × $0.00001 = $10.00;
        // 8 million invocations × $0.40 = $3.20. Total $14.075.
        assertThat(FREE_TIER
                        .bill(List.of(runs(Provider.GCP, 256, 10_000_000, 260)))
                        .total())
                .isCloseTo(14.075, MICRO);
    }

    @Test
    void cloudRunFunctionsBillVcpuSecondsGibSecondsAndRequests() {
        // 2,000,000 runs of 400 ms at 512 MiB (0.333 vCPU), free tier off: 800,000 s.
        // vCPU-s: 800,000 × 0.333 = 266,400 × $0.000024 = $6.3936; GiB-s: 400,000 × $0.0000025 = $1.00;
        // requests: 2 million × $0.40 = $0.80. Total $8.1936.
        Bill bill = NO_FREE_TIER.bill(List.of(runs(Provider.GCP_GEN2, 512, 2_000_000, 400)));
        assertThat(bill.compute()).isCloseTo(6.3936 + 1.00, MICRO);
        assertThat(bill.total()).isCloseTo(8.1936, MICRO);
        // Free tier: 180,000 vCPU-s, 360,000 GiB-s and 2 million requests free:
        // 86,400 × $0.000024 + 40,000 × $0.0000025 = $2.0736 + $0.10 = $2.1736.
        assertThat(FREE_TIER
                        .bill(List.of(runs(Provider.GCP_GEN2, 512, 2_000_000, 400)))
                        .total())
                .isCloseTo(2.1736, MICRO);
    }

    @Test
    void azureRoundsMemoryUpTo128MbStepsAndBillsAtLeast100Ms() {
        ProviderPrices azure = BOOK.prices(Provider.AZURE);
        // learn.microsoft.com: "When your process is using 160 MB, you're charged for 256 MB."
        assertThat(azure.billedMemoryMb(160)).isEqualTo(256);
        assertThat(azure.billedMemoryMb(100)).isEqualTo(128);
        assertThat(azure.billedMemoryMb(1536)).isEqualTo(1536);
        // A 20 ms run bills the 100 ms minimum; a 101 ms run 101 ms.
        assertThat(CostModel.billedMillis(azure, 20)).isEqualTo(100);
        assertThat(CostModel.billedMillis(azure, 100.4)).isEqualTo(101);
        // 1,000,000 runs of 20 ms at 160 MB, free tier off: 1,000,000 × 0.1 s × 0.25 GB = 25,000 GB-s
        // × $0.000016 = $0.40; executions 1 million × $0.20 = $0.20. Total $0.60.
        Bill bill = NO_FREE_TIER.bill(List.of(runs(Provider.AZURE, 160, 1_000_000, 20)));
        assertThat(bill.lineItems())
                .contains(new LineItem(
                        "Azure Functions (Consumption) compute", 25_000, "GB-s", 0.000016, 25_000 * 0.000016));
        assertThat(bill.total()).isCloseTo(0.60, MICRO);
    }

    @Test
    void flexConsumptionBillsInstanceMemoryAndAtLeastOneSecond() {
        ProviderPrices flex = BOOK.prices(Provider.AZURE_FLEX);
        assertThat(CostModel.billedMillis(flex, 300)).isEqualTo(1_000);
        assertThat(CostModel.billedMillis(flex, 1_250)).isEqualTo(1_300);
        assertThat(flex.billedMemoryMb(700)).isEqualTo(2_048);
        // 1,000,000 runs of 300 ms at 2,048 MB, free tier off: 1,000,000 s × 2 GB = 2,000,000 GB-s
        // × $0.000026 = $52.00; executions 1 million × $0.40 = $0.40.
        Bill bill = NO_FREE_TIER.bill(List.of(runs(Provider.AZURE_FLEX, 2_048, 1_000_000, 300)));
        assertThat(bill.compute()).isCloseTo(52.00, MICRO);
        assertThat(bill.requests()).isCloseTo(0.40, MICRO);
    }

    @Test
    void ibmBillsGbSecondsIn100MsStepsWith400000Free() {
        // 1,000,000 runs of 150 ms at 256 MB bill 200 ms each: 200,000 s × 0.25 GB = 50,000 GB-s.
        // Free tier on: within the 400,000 GB-s, $0. Off: 50,000 × $0.000017 = $0.85. No request charge.
        assertThat(CostModel.billedMillis(BOOK.prices(Provider.IBM), 150)).isEqualTo(200);
        assertThat(FREE_TIER
                        .bill(List.of(runs(Provider.IBM, 256, 1_000_000, 150)))
                        .total())
                .isZero();
        assertThat(NO_FREE_TIER
                        .bill(List.of(runs(Provider.IBM, 256, 1_000_000, 150)))
                        .total())
                .isCloseTo(0.85, MICRO);
    }

    @Test
    void apiGatewayRequestsArePricedByTier() {
        // HTTP API, 400,000,000 requests: 300 million × $1.00 + 100 million × $0.90 = $390.00.
        Bill http = FREE_TIER.bill(List.of(), List.of(new GatewayUsage(ApiGateway.Type.HTTP, 400_000_000)), List.of());
        assertThat(http.lineItems())
                .containsExactly(
                        new LineItem(
                                "Amazon API Gateway HTTP API requests, first 300,000,000 requests",
                                300,
                                "million requests",
                                1.00,
                                300),
                        new LineItem(
                                "Amazon API Gateway HTTP API requests, over 300,000,000 requests",
                                100,
                                "million requests",
                                0.90,
                                90));
        assertThat(http.gateway()).isCloseTo(390.00, MICRO);
        // REST API, 1,500,000,000 requests: 333 million × $3.50 + 667 million × $2.80
        // + 500 million × $2.38 = $1,165.50 + $1,867.60 + $1,190.00 = $4,223.10.
        Bill rest =
                FREE_TIER.bill(List.of(), List.of(new GatewayUsage(ApiGateway.Type.REST, 1_500_000_000)), List.of());
        assertThat(rest.lineItems()).hasSize(3);
        assertThat(rest.gateway()).isCloseTo(4_223.10, within(1e-6));
        assertThat(rest.total()).isEqualTo(rest.gateway());
    }

    @Test
    void servicesArePricedPerUseWithTheirFreeAllowances() {
        // SQS: 3,000,000 requests − 1,000,000 free = 2 million × $0.40 = $0.80.
        // S3 GET: 1,000,000 requests = 1,000 thousand × $0.0004 = $0.40.
        Bill bill = FREE_TIER.bill(
                List.of(),
                List.of(),
                List.of(new ServiceUsage("sqs", 3_000_000), new ServiceUsage("s3-get", 1_000_000)));
        assertThat(bill.services()).isCloseTo(1.20, MICRO);
        assertThat(bill.lineItems())
                .contains(new LineItem("Amazon S3 GET, SELECT requests", 1_000, "thousand requests", 0.0004, 0.4));
        assertThatThrownBy(() -> FREE_TIER.bill(List.of(), List.of(), List.of(new ServiceUsage("kafka", 1))))
                .hasMessageStartingWith("no prices for service 'kafka'");
    }

    @Test
    void provisionedConcurrencyWhereNoneIsOfferedIsRefused() {
        FunctionUsage usage = new FunctionUsage("f", Provider.GCP, Architecture.X86_64, 256, 1, 1, 1, 0);
        assertThatThrownBy(() -> FREE_TIER.bill(List.of(usage)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no provisioned concurrency");
    }

    @Test
    void everyLineIsItsQuantityTimesItsUnitPrice() {
        Bill bill = FREE_TIER.bill(
                List.of(
                        runs(Provider.AWS, 1769, 50_000_000, 120),
                        runs(Provider.GCP, 512, 9_000_000, 260),
                        runs(Provider.AZURE, 300, 4_000_000, 15)),
                List.of(new GatewayUsage(ApiGateway.Type.REST, 50_000_000)),
                List.of(new ServiceUsage("dynamodb-write", 4_000_000)));
        double sum = 0;
        for (LineItem item : bill.lineItems()) {
            assertThat(item.amount()).isCloseTo(item.quantity() * item.unitPrice(), within(1e-9));
            sum += item.amount();
        }
        assertThat(bill.total()).isCloseTo(sum, within(1e-9));
        assertThat(bill.requests() + bill.compute() + bill.provisioned() + bill.gateway() + bill.services())
                .isCloseTo(bill.total(), within(1e-9));
    }
}
