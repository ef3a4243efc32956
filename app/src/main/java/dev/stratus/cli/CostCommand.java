package dev.stratus.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stratus.model.ApiGateway;
import dev.stratus.model.FunctionNode.Architecture;
import dev.stratus.model.Provider;
import dev.stratus.provider.Bill;
import dev.stratus.provider.CostModel;
import dev.stratus.provider.FunctionUsage;
import dev.stratus.provider.GatewayUsage;
import dev.stratus.provider.LimitFigures;
import dev.stratus.provider.LineItem;
import dev.stratus.provider.PriceBook;
import dev.stratus.provider.ProviderPrices;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code stratus cost}: one function's bill for one month, line by line. */
@Command(
        name = "cost",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "The bill of one function for a 30-day month: N runs of MS each, billed as",
            "the provider bills them (AWS per 1 ms; Google per 100 ms; Azure per 1 ms,",
            "at least 100 ms, memory in 128 MB steps; Flex per 100 ms, at least 1 s;",
            "IBM per 100 ms), with its price tiers and its monthly free tier unless",
            "--no-free-tier. Include the init time in MS to bill cold starts.",
            "With --provisioned N, N instances are enabled all month. As a",
            "simplification the load is steady: the runs use the instances while their",
            "time suffices (up to N x 30 days of run time); the rest runs on demand."
        })
final class CostCommand implements Callable<Integer> {

    @Option(
            names = "--provider",
            required = true,
            paramLabel = "P",
            description = "aws, gcp, gcp-gen2, azure, azure-flex or ibm.")
    String provider;

    @Option(names = "--memory", required = true, paramLabel = "MB", description = "The function's memory, MB.")
    int memoryMb;

    @Option(names = "--duration-ms", required = true, paramLabel = "MS", description = "How long one run takes, ms.")
    double durationMs;

    @Option(names = "--invocations", required = true, paramLabel = "N", description = "Runs in the month.")
    long invocations;

    @Option(
            names = "--arch",
            paramLabel = "x86|arm64",
            defaultValue = "x86",
            description = "Processor architecture (default ${DEFAULT-VALUE}; prices differ on AWS).")
    String arch;

    @Option(
            names = "--provisioned",
            paramLabel = "N",
            defaultValue = "0",
            description = "Instances of provisioned concurrency, enabled all month (AWS).")
    int provisioned;

    @Option(
            names = "--gateway",
            paramLabel = "http|rest",
            description = "Add Amazon API Gateway's charge for each run's request (AWS).")
    String gateway;

    @Mixin
    PriceOptions pricing;

    @Option(names = "--json", description = "Print the bill as JSON.")
    boolean json;

    @Spec
    CommandSpec spec;

    /** The function's name in line items. */
    private static final String FUNCTION = "function";

    @Override
    public Integer call() throws Exception {
        Provider chosen = Inputs.provider(provider);
        Architecture architecture = architecture(arch);
        PriceBook book = pricing.book();
        ProviderPrices prices = book.prices(chosen);
        check(prices, architecture);
        List<GatewayUsage> gateways = new ArrayList<>();
        if (gateway != null) {
            gateways.add(new GatewayUsage(gatewayType(chosen), invocations));
        }
        double billedMs = CostModel.billedMillis(prices, durationMs);
        double billedSeconds = invocations * billedMs / 1000;
        double onProvisioned = Math.min(billedSeconds, provisioned * CostModel.MONTH_SECONDS);
        FunctionUsage usage = new FunctionUsage(
                FUNCTION, chosen, architecture, memoryMb, invocations, billedSeconds, provisioned, onProvisioned);
        Bill bill = new CostModel(book, pricing.freeTier(true)).bill(List.of(usage), gateways, List.of());
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(json(bill));
        } else {
            print(out, prices, architecture, billedMs, bill);
        }
        out.flush();
        return StratusCommand.OK;
    }

    private void check(ProviderPrices prices, Architecture architecture) {
        LimitFigures limits = prices.limits();
        if (!limits.allows(memoryMb)) {
            throw new UserError(
                    limits.memorySizesMb().isEmpty()
                            ? String.format(
                                    Locale.ROOT,
                                    "--memory %d MB is outside %s's %,d to %,d MB",
                                    memoryMb,
                                    prices.name(),
                                    limits.minMemoryMb().intValue(),
                                    limits.maxMemoryMb().intValue())
                            : String.format(
                                    Locale.ROOT,
                                    "--memory %d MB is not a size %s offers: %s MB",
                                    memoryMb,
                                    prices.name(),
                                    limits.sizesMb().stream()
                                            .map(String::valueOf)
                                            .collect(Collectors.joining(", "))));
        }
        if (!(durationMs >= 0) || Double.isInfinite(durationMs)) {
            throw new UserError("--duration-ms must be a number of milliseconds, at least 0, not " + durationMs);
        }
        double timeout = limits.maxTimeoutSeconds().value();
        if (durationMs > timeout * 1000) {
            throw new UserError(String.format(
                    Locale.ROOT,
                    "--duration-ms %s is longer than %s's longest timeout, %,.0f s",
                    plain(durationMs),
                    prices.name(),
                    timeout));
        }
        if (invocations < 0) {
            throw new UserError("--invocations must be at least 0, not " + invocations);
        }
        if (provisioned < 0) {
            throw new UserError("--provisioned must be at least 0, not " + provisioned);
        }
        try {
            prices.computeKey(architecture);
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
        if (provisioned > 0 && prices.compute(architecture).provisioned().isEmpty()) {
            throw new UserError(prices.name() + " has no provisioned concurrency to price; drop --provisioned");
        }
    }

    private static Architecture architecture(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "x86", "x86_64", "x86-64" -> Architecture.X86_64;
            case "arm64", "arm" -> Architecture.ARM64;
            default -> throw new UserError("--arch must be x86 or arm64, not '" + text + "'");
        };
    }

    private ApiGateway.Type gatewayType(Provider chosen) {
        ApiGateway.Type type = Arrays.stream(ApiGateway.Type.values())
                .filter(t -> t.id().equalsIgnoreCase(gateway))
                .findFirst()
                .orElseThrow(() -> new UserError("--gateway must be http or rest, not '" + gateway + "'"));
        if (chosen != Provider.AWS) {
            throw new UserError("--gateway prices Amazon API Gateway, which fronts AWS Lambda, not " + chosen.id());
        }
        return type;
    }

    /** The bill as JSON: USD to a millionth of a dollar, quantities to 12 significant digits. */
    static String json(Bill bill) throws com.fasterxml.jackson.core.JsonProcessingException {
        ObjectMapper mapper = new ObjectMapper()
                .enable(SerializationFeature.INDENT_OUTPUT)
                .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);
        ObjectNode root = mapper.createObjectNode();
        root.put("requests", usd(bill.requests()));
        root.put("compute", usd(bill.compute()));
        root.put("provisioned", usd(bill.provisioned()));
        root.put("gateway", usd(bill.gateway()));
        root.put("total", usd(bill.total()));
        ArrayNode items = root.putArray("lineItems");
        for (LineItem item : bill.lineItems()) {
            items.addObject()
                    .put("description", item.description())
                    .put("quantity", BillTable.quantity(item.quantity()))
                    .put("unit", item.unit())
                    .put("unitPrice", BigDecimal.valueOf(item.unitPrice()))
                    .put("amount", usd(item.amount()));
        }
        return mapper.writeValueAsString(root);
    }

    private static BigDecimal usd(double amount) {
        return BigDecimal.valueOf(amount).setScale(6, RoundingMode.HALF_UP).stripTrailingZeros();
    }

    private static String plain(double value) {
        return BillTable.quantity(value).toPlainString();
    }

    private void print(PrintWriter out, ProviderPrices prices, Architecture architecture, double billedMs, Bill bill) {
        out.printf(
                Locale.ROOT,
                "%s, %s, %s: %,d runs of %s ms (billed %s ms) at %,d MB for a 30-day month, free tier %s%s%n%n",
                prices.name(),
                prices.region(),
                architecture.id(),
                invocations,
                plain(durationMs),
                plain(billedMs),
                memoryMb,
                pricing.freeTier(true) ? "on" : "off",
                provisioned > 0 ? ", " + provisioned + " provisioned instances" : "");
        BillTable.print(out, bill);
    }
}
