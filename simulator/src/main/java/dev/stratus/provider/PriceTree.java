package dev.stratus.provider;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stratus.model.ApiGateway;
import dev.stratus.model.Provider;
import dev.stratus.provider.ProviderPrices.Billing;
import dev.stratus.provider.ProviderPrices.ComputePrices;
import dev.stratus.provider.ProviderPrices.EphemeralStorage;
import dev.stratus.provider.ProviderPrices.FreeTier;
import dev.stratus.provider.ProviderPrices.ProvisionedPrices;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a price tree (the JSON of a price file) into the price book's records, and checks that every
 * figure in it says where it comes from. Problems are {@link IllegalArgumentException}s whose message
 * starts with the path of the part at fault, like {@code providers.aws.requests.price}.
 */
final class PriceTree {

    static final String FORMAT = "stratus-prices/1";

    private static final Set<String> FIGURE_KEYS = Set.of("value", "unit", "source", "asOf");
    /** The top-level keys: a message that starts with one already names its place. */
    private static final List<String> ROOTS = List.of("format", "providers", "apiGateway", "services", "server");

    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private PriceTree() {}

    /**
     * Every way in which {@code tree} breaks the rule that each figure carries its source: a figure
     * (an object with a {@code value}) without a unit, a non-empty {@code source} or an {@code asOf}
     * date, and any number or true/false that is not the value of a figure. Empty when all is well.
     */
    static List<String> figureProblems(JsonNode tree) {
        List<String> problems = new ArrayList<>();
        walk(tree, "", problems);
        return problems;
    }

    private static void walk(JsonNode node, String path, List<String> problems) {
        if (node.isObject() && node.has("value")) {
            checkFigure(node, path, problems);
        } else if (node.isObject()) {
            node.properties().forEach(e -> walk(e.getValue(), join(path, e.getKey()), problems));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), path + "[" + i + "]", problems);
            }
        } else if (node.isNumber() || node.isBoolean() || node.isNull()) {
            problems.add(path + ": " + node + " is not inside a figure, so it has no source");
        }
    }

    private static void checkFigure(JsonNode figure, String path, List<String> problems) {
        figure.properties().stream()
                .map(Map.Entry::getKey)
                .filter(key -> !FIGURE_KEYS.contains(key))
                .forEach(key -> problems.add(path + ": a figure has no key \"" + key + "\""));
        JsonNode value = figure.get("value");
        if (!(value.isNumber() || value.isBoolean() || value.isNull())) {
            problems.add(path + ".value: must be a number, true/false or null, not " + value);
        }
        for (String key : List.of("unit", "source")) {
            JsonNode text = figure.get(key);
            if (text == null || !text.isTextual() || text.asText().isBlank()) {
                problems.add(path + ": the figure has no " + key);
            }
        }
        JsonNode asOf = figure.get("asOf");
        if (asOf == null || !asOf.isTextual() || !isDate(asOf.asText())) {
            problems.add(path + ": the figure has no asOf date (YYYY-MM-DD)");
        }
    }

    private static boolean isDate(String text) {
        if (!DATE.matcher(text).matches()) {
            return false;
        }
        try {
            LocalDate.parse(text);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    /** The price book in {@code tree}. */
    static PriceBook read(JsonNode tree, String origin) {
        String format = text(tree, "format", "");
        if (!format.equals(FORMAT)) {
            throw new IllegalArgumentException("format: expected \"" + FORMAT + "\", not \"" + format + "\"");
        }
        List<String> problems = figureProblems(tree);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(problems.get(0));
        }
        Map<Provider, ProviderPrices> providers = new EnumMap<>(Provider.class);
        JsonNode providerNodes = field(tree, "providers", "");
        for (Provider provider : Provider.values()) {
            String path = "providers." + provider.id();
            providers.put(provider, provider(provider, field(providerNodes, provider.id(), "providers"), path));
        }
        Map<ApiGateway.Type, ServicePrices> gateway = new EnumMap<>(ApiGateway.Type.class);
        JsonNode gatewayNode = field(tree, "apiGateway", "");
        String gatewayName = text(gatewayNode, "name", "apiGateway");
        for (ApiGateway.Type type : ApiGateway.Type.values()) {
            String path = "apiGateway." + type.id();
            JsonNode node = field(gatewayNode, type.id(), "apiGateway");
            gateway.put(
                    type,
                    new ServicePrices(
                            gatewayName + " " + type.name() + " API requests",
                            tariff(node, path),
                            figure(node, "free", path)));
        }
        Map<String, ServicePrices> services = new LinkedHashMap<>();
        field(tree, "services", "").properties().forEach(e -> {
            String path = "services." + e.getKey();
            JsonNode node = e.getValue();
            services.put(
                    e.getKey(),
                    new ServicePrices(text(node, "name", path), tariff(node, path), figure(node, "free", path)));
        });
        JsonNode serverNode = field(tree, "server", "");
        ServerPrice server = new ServerPrice(
                text(serverNode, "name", "server"),
                figure(serverNode, "hourly", "server"),
                figure(serverNode, "vcpu", "server"),
                figure(serverNode, "memoryGib", "server"));
        return new PriceBook(providers, gateway, services, server, origin);
    }

    private static ProviderPrices provider(Provider provider, JsonNode node, String path) {
        JsonNode freeNode = field(node, "freeTier", path);
        Map<Meter, Figure> freeMeters = new EnumMap<>(Meter.class);
        for (Meter meter : Meter.values()) {
            if (freeNode.has(meter.id())) {
                freeMeters.put(meter, figure(freeNode, meter.id(), path + ".freeTier"));
            }
        }
        FreeTier freeTier = new FreeTier(figure(freeNode, "requests", path + ".freeTier"), freeMeters);
        Map<String, ComputePrices> compute = new LinkedHashMap<>();
        field(node, "compute", path)
                .properties()
                .forEach(e -> compute.put(e.getKey(), compute(e.getValue(), path + ".compute." + e.getKey())));
        JsonNode billingNode = field(node, "billing", path);
        String billingPath = path + ".billing";
        Billing billing = guarded(
                billingPath,
                () -> new Billing(
                        figure(billingNode, "granularityMs", billingPath),
                        figure(billingNode, "minimumMs", billingPath),
                        figure(billingNode, "memoryStepMb", billingPath),
                        figure(billingNode, "minimumMemoryMb", billingPath),
                        flag(billingNode, "initBilled", billingPath)));
        Optional<EphemeralStorage> ephemeral = ephemeralStorage(node, path);
        JsonNode limitsNode = field(node, "limits", path);
        String limitsPath = path + ".limits";
        List<Figure> sizes = new ArrayList<>();
        JsonNode sizeNodes = field(limitsNode, "memorySizesMb", limitsPath);
        for (int i = 0; i < sizeNodes.size(); i++) {
            sizes.add(figure(sizeNodes.get(i), limitsPath + ".memorySizesMb[" + i + "]"));
        }
        LimitFigures limits = new LimitFigures(
                figure(limitsNode, "minMemoryMb", limitsPath),
                figure(limitsNode, "maxMemoryMb", limitsPath),
                sizes,
                figure(limitsNode, "maxTimeoutSeconds", limitsPath));
        JsonNode runtimeNode = field(node, "runtime", path);
        String runtimePath = path + ".runtime";
        RuntimeFigures runtime = new RuntimeFigures(
                figure(runtimeNode, "keepAliveSeconds", runtimePath),
                figure(runtimeNode, "accountConcurrency", runtimePath),
                figure(runtimeNode, "scaleOutBurst", runtimePath),
                figure(runtimeNode, "scaleOutPeriodSeconds", runtimePath),
                figure(runtimeNode, "asyncRetries", runtimePath));
        JsonNode coldNode = field(node, "coldStart", path);
        String coldPath = path + ".coldStart";
        ColdStartFigures coldStart = new ColdStartFigures(
                text(coldNode, "basis", coldPath),
                figure(coldNode, "meanMs", coldPath),
                figure(coldNode, "cv", coldPath));
        CpuModel cpu = cpu(field(node, "cpu", path), path + ".cpu");
        ProviderPrices prices = guarded(
                path,
                () -> new ProviderPrices(
                        provider,
                        text(node, "name", path),
                        text(node, "region", path),
                        freeTier,
                        tariff(field(node, "requests", path), path + ".requests"),
                        compute,
                        billing,
                        ephemeral,
                        limits,
                        runtime,
                        coldStart,
                        cpu));
        for (Map.Entry<String, ComputePrices> e : compute.entrySet()) {
            if (e.getValue().meters().containsKey(Meter.GHZ_SECONDS) && !(cpu instanceof CpuModel.ClockTiers)) {
                throw new IllegalArgumentException(path + ".compute." + e.getKey()
                        + ".ghzSeconds: billing by GHz-s needs a CPU rule of clock-tiers, not " + cpu.rule());
            }
        }
        return prices;
    }

    private static Optional<EphemeralStorage> ephemeralStorage(JsonNode provider, String path) {
        if (!provider.has("ephemeralStorage")) {
            return Optional.empty();
        }
        JsonNode node = provider.get("ephemeralStorage");
        String here = path + ".ephemeralStorage";
        return Optional.of(guarded(
                here, () -> new EphemeralStorage(figure(node, "includedMb", here), figure(node, "price", here))));
    }

    private static ComputePrices compute(JsonNode node, String path) {
        Map<Meter, Tariff> meters = new EnumMap<>(Meter.class);
        Optional<ProvisionedPrices> provisioned = Optional.empty();
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            String here = join(path, e.getKey());
            if (e.getKey().equals("provisioned")) {
                JsonNode p = e.getValue();
                provisioned = Optional.of(guarded(
                        here,
                        () -> new ProvisionedPrices(
                                figure(p, "enabled", here),
                                figure(p, "executing", here),
                                figure(p, "blockSeconds", here),
                                flag(p, "freeTierApplies", here))));
            } else {
                Meter meter = Meter.fromId(e.getKey())
                        .orElseThrow(() -> new IllegalArgumentException(
                                here + ": unknown meter; known: gbSeconds, ghzSeconds, vcpuSeconds"));
                meters.put(meter, tariff(e.getValue(), here));
            }
        }
        Optional<ProvisionedPrices> provisionedPrices = provisioned;
        return guarded(path, () -> new ComputePrices(meters, provisionedPrices));
    }

    private static CpuModel cpu(JsonNode node, String path) {
        String rule = text(node, "rule", path);
        return guarded(path, () -> switch (rule) {
            case "proportional" -> new CpuModel.Proportional(figure(node, "mbPerVcpu", path));
            case "clock-tiers" -> new CpuModel.ClockTiers(figure(node, "mhzPerVcpu", path), cpuTiers(node, path));
            case "vcpu-tiers" -> new CpuModel.VcpuTiers(cpuTiers(node, path));
            case "fixed" -> new CpuModel.Fixed(figure(node, "vcpu", path));
            default ->
                throw new IllegalArgumentException(
                        "unknown rule \"" + rule + "\"; known: proportional, clock-tiers, vcpu-tiers, fixed");
        });
    }

    private static List<CpuModel.CpuTier> cpuTiers(JsonNode node, String path) {
        JsonNode tiers = field(node, "tiers", path);
        List<CpuModel.CpuTier> result = new ArrayList<>();
        for (int i = 0; i < tiers.size(); i++) {
            String here = path + ".tiers[" + i + "]";
            result.add(new CpuModel.CpuTier(figure(tiers.get(i), "memoryMb", here), figure(tiers.get(i), "cpu", here)));
        }
        return result;
    }

    /** A tariff: {@code {"price": F}} or {@code {"tiers": [{"upTo": F, "price": F}, ..., {"price": F}]}}. */
    private static Tariff tariff(JsonNode node, String path) {
        if (node.has("price") == node.has("tiers")) {
            throw new IllegalArgumentException(path + ": needs either \"price\" or \"tiers\"");
        }
        if (node.has("price")) {
            return guarded(path, () -> Tariff.flat(figure(node, "price", path)));
        }
        JsonNode tierNodes = node.get("tiers");
        List<Tier> tiers = new ArrayList<>();
        for (int i = 0; i < tierNodes.size(); i++) {
            String here = path + ".tiers[" + i + "]";
            JsonNode tier = tierNodes.get(i);
            Figure price = figure(tier, "price", here);
            boolean last = i == tierNodes.size() - 1;
            if (last && tier.has("upTo")) {
                throw new IllegalArgumentException(here + ": the last tier has no upTo; it covers all usage beyond");
            }
            tiers.add(new Tier(last ? Tariff.unbounded(price) : figure(tier, "upTo", here), price));
        }
        return guarded(path + ".tiers", () -> new Tariff(tiers));
    }

    private static Figure figure(JsonNode parent, String key, String path) {
        return figure(field(parent, key, path), join(path, key));
    }

    private static Figure figure(JsonNode node, String path) {
        JsonNode value = field(node, "value", path);
        if (!value.isNumber() && !value.isNull()) {
            throw new IllegalArgumentException(path + ".value: expected a number, not " + value);
        }
        double number = value.isNull() ? Double.POSITIVE_INFINITY : value.asDouble();
        return new Figure(number, text(node, "unit", path), text(node, "source", path), text(node, "asOf", path));
    }

    private static Flag flag(JsonNode parent, String key, String path) {
        String here = join(path, key);
        JsonNode node = field(parent, key, path);
        JsonNode value = field(node, "value", here);
        if (!value.isBoolean()) {
            throw new IllegalArgumentException(here + ".value: expected true or false, not " + value);
        }
        return new Flag(value.asBoolean(), text(node, "source", here), text(node, "asOf", here));
    }

    private static String text(JsonNode parent, String key, String path) {
        JsonNode node = field(parent, key, path);
        if (!node.isTextual()) {
            throw new IllegalArgumentException(join(path, key) + ": expected text, not " + node);
        }
        return node.asText();
    }

    private static JsonNode field(JsonNode parent, String key, String path) {
        JsonNode node = parent.get(key);
        if (node == null) {
            throw new IllegalArgumentException(join(path, key) + " is missing");
        }
        return node;
    }

    /** Runs {@code build}, prefixing the path to a problem a record's own checks find. */
    private static <T> T guarded(String path, java.util.function.Supplier<T> build) {
        try {
            return build.get();
        } catch (IllegalArgumentException | IllegalStateException e) {
            String message = e.getMessage() == null ? e.toString() : e.getMessage();
            throw new IllegalArgumentException(
                    ROOTS.stream().anyMatch(message::startsWith) ? message : path + ": " + message, e);
        }
    }

    private static String join(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }
}
