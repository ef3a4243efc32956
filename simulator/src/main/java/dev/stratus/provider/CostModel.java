package dev.stratus.provider;

import dev.stratus.model.ApiGateway;
import dev.stratus.model.FunctionNode;
import dev.stratus.model.Provider;
import dev.stratus.provider.ProviderPrices.ComputePrices;
import dev.stratus.provider.ProviderPrices.ProvisionedPrices;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Prices a month of use from a {@link PriceBook}, rule for rule as each provider states them. The
 * rules are data-driven: every provider bills requests and one or more compute meters (GB-s, GHz-s,
 * vCPU-s) through the same tiered, free-tier-aware charge, and the differences (granularity, minimum
 * duration, memory rounding, tiers, CPU per memory) come from the book.
 *
 * <ul>
 *   <li>Tiers and free allowances are per account and month: the usage of all functions of a
 *       provider is summed before pricing; tiers per architecture, free allowances across
 *       architectures (AWS's free tier covers x86 and Arm together).
 *   <li>The free allowance comes off the month's usage first and is shown as its own line at $0 with
 *       the quantity it covers; the billed lines count what remains, and the tiers count from there.
 *   <li>A function with provisioned concurrency is billed for its instances while enabled, the whole
 *       30-day month in the provider's blocks (AWS: 5 minutes), for its duration on them at the lower
 *       executing price, and for the rest on demand; where the provider says so (AWS), the free tier
 *       does not apply to it at all.
 *   <li>Ephemeral storage beyond what is included is billed per GB-s of the function's billed time.
 * </ul>
 *
 * Amounts are USD and unrounded.
 */
public final class CostModel {

    /** The month a bill covers: 30 days, s. */
    public static final double MONTH_SECONDS = 30 * 86_400.0;

    /**
     * Dividing a duration that is a whole number of billing steps can land a hair above it (0.3 s is
     * 300.00000000000006 ms); this much is forgiven before rounding up.
     */
    private static final double ROUNDING_SLACK = 1e-9;

    private final PriceBook book;
    private final boolean freeTier;

    /**
     * @param book the prices
     * @param freeTier whether the monthly free allowances apply
     */
    public CostModel(PriceBook book, boolean freeTier) {
        this.book = Objects.requireNonNull(book, "book");
        this.freeTier = freeTier;
    }

    /**
     * The billed duration of one run of {@code durationMs} (init included where billed): rounded up to
     * the provider's granularity (AWS 1 ms, Google 100 ms) and at least its minimum (Azure 100 ms),
     * ms. The simulator and {@code stratus cost} both round through here.
     */
    public static double billedMillis(ProviderPrices prices, double durationMs) {
        if (!(durationMs >= 0) || Double.isInfinite(durationMs)) {
            throw new IllegalArgumentException("a duration must be a number at least 0 ms, not " + durationMs);
        }
        return prices.billing().billedMicros(Math.round(durationMs * 1000), 0) / 1000.0;
    }

    /** The bill for a month of {@code functions}, {@code gateways} and {@code services}. */
    public Bill bill(List<FunctionUsage> functions, List<GatewayUsage> gateways, List<ServiceUsage> services) {
        Lines lines = new Lines();
        Map<Provider, List<FunctionUsage>> byProvider = new EnumMap<>(Provider.class);
        for (FunctionUsage f : functions) {
            byProvider.computeIfAbsent(f.provider(), p -> new ArrayList<>()).add(f);
        }
        byProvider.forEach((provider, list) -> billFunctions(book.prices(provider), list, lines));
        billGateways(gateways, lines);
        billServices(services, lines);
        return lines.bill();
    }

    /** The bill for one month of functions alone. */
    public Bill bill(List<FunctionUsage> functions) {
        return bill(functions, List.of(), List.of());
    }

    /** The list price of one request, USD: the first tier's, the free tier ignored. */
    public static double usdPerRequest(ProviderPrices p) {
        return firstPricePerUnit(p.requests());
    }

    /**
     * The list price of one billed second of a run of a function of {@code memoryMb} on {@code
     * architecture}, USD: for every compute meter the provider bills, its first tier's price times
     * the function's size on it (billed GB, GHz or vCPU); the free tier ignored.
     */
    public static double usdPerBilledSecond(ProviderPrices p, FunctionNode.Architecture architecture, int memoryMb) {
        int billedMemoryMb = p.billedMemoryMb(memoryMb);
        double usd = 0;
        for (Map.Entry<Meter, Tariff> meter : p.compute(architecture).meters().entrySet()) {
            usd += firstPricePerUnit(meter.getValue()) * size(p, meter.getKey(), billedMemoryMb);
        }
        return usd;
    }

    private static double firstPricePerUnit(Tariff tariff) {
        return tariff.firstPrice().value() / tariff.unit().per();
    }

    private void billFunctions(ProviderPrices p, List<FunctionUsage> functions, Lines lines) {
        Usage requests = new Usage();
        for (FunctionUsage f : functions) {
            requests.add((double) f.invocations(), freeTierCovers(p, f));
        }
        charge(
                lines,
                Category.REQUESTS,
                p.name() + " requests",
                p.requests(),
                requests,
                free(p.freeTier().requests()));

        Map<String, Map<Meter, Usage>> compute = new LinkedHashMap<>();
        p.compute().keySet().forEach(key -> compute.put(key, new EnumMap<>(Meter.class)));
        for (FunctionUsage f : functions) {
            String key = p.computeKey(f.architecture());
            int memoryMb = p.billedMemoryMb(f.memoryMb());
            for (Meter meter : p.compute().get(key).meters().keySet()) {
                double quantity = f.onDemandSeconds() * size(p, meter, memoryMb);
                compute.get(key).computeIfAbsent(meter, m -> new Usage()).add(quantity, freeTierCovers(p, f));
            }
        }
        Map<Meter, Double> freeLeft = new EnumMap<>(Meter.class);
        for (Meter meter : Meter.values()) {
            freeLeft.put(meter, freeTier ? p.freeTier().of(meter) : 0.0);
        }
        compute.forEach((key, meters) -> meters.forEach((meter, usage) -> {
            ComputePrices prices = p.compute().get(key);
            String description = p.name() + " compute"
                    + (key.equals(ProviderPrices.ANY_ARCHITECTURE) ? "" : ", " + key)
                    + (prices.meters().size() > 1
                            ? " (" + prices.meters().get(meter).unit().noun() + ")"
                            : "");
            double used = charge(
                    lines, Category.COMPUTE, description, prices.meters().get(meter), usage, freeLeft.get(meter));
            freeLeft.put(meter, freeLeft.get(meter) - used);
        }));

        for (FunctionUsage f : functions) {
            billEphemeralStorage(p, f, lines);
        }
        for (FunctionUsage f : functions) {
            if (f.provisionedInstances() > 0) {
                billProvisioned(p, f, lines);
            }
        }
    }

    private static void billEphemeralStorage(ProviderPrices p, FunctionUsage f, Lines lines) {
        p.ephemeralStorage().ifPresent(storage -> {
            double included = storage.includedMb().value();
            if (f.ephemeralStorageMb() > included) {
                double gbSeconds = (f.ephemeralStorageMb() - included) / 1024 * f.billedSeconds();
                lines.add(
                        Category.COMPUTE,
                        line(
                                f.name() + ": ephemeral storage beyond " + number(included) + " MB",
                                gbSeconds,
                                storage.price()));
            }
        });
    }

    private static void billProvisioned(ProviderPrices p, FunctionUsage f, Lines lines) {
        ProvisionedPrices prices = p.compute(f.architecture())
                .provisioned()
                .orElseThrow(() -> new IllegalArgumentException(
                        p.name() + " has no provisioned concurrency prices in the price book"));
        double gb = p.billedMemoryMb(f.memoryMb()) / 1024.0;
        double block = prices.blockSeconds().value();
        double enabledSeconds = Math.ceil(MONTH_SECONDS / block - ROUNDING_SLACK) * block;
        lines.add(
                Category.PROVISIONED,
                line(
                        f.name() + ": provisioned concurrency enabled, " + f.provisionedInstances() + " × " + number(gb)
                                + " GB × " + number(enabledSeconds) + " s",
                        f.provisionedInstances() * gb * enabledSeconds,
                        prices.enabled()));
        lines.add(
                Category.PROVISIONED,
                line(
                        f.name() + ": duration on provisioned instances",
                        f.provisionedExecutingSeconds() * gb,
                        prices.executing()));
    }

    private void billGateways(List<GatewayUsage> gateways, Lines lines) {
        Map<ApiGateway.Type, Usage> requests = new EnumMap<>(ApiGateway.Type.class);
        for (GatewayUsage g : gateways) {
            requests.computeIfAbsent(g.type(), t -> new Usage()).add((double) g.requests(), true);
        }
        requests.forEach((type, usage) -> {
            ServicePrices prices = book.apiGateway(type);
            charge(lines, Category.GATEWAY, prices.name(), prices.tariff(), usage, free(prices.free()));
        });
    }

    private void billServices(List<ServiceUsage> services, Lines lines) {
        Map<String, Usage> uses = new LinkedHashMap<>();
        for (ServiceUsage s : services) {
            book.service(s.service());
            uses.computeIfAbsent(s.service(), id -> new Usage()).add(s.quantity(), true);
        }
        uses.forEach((id, usage) -> {
            ServicePrices prices = book.service(id);
            charge(lines, Category.SERVICES, prices.name(), prices.tariff(), usage, free(prices.free()));
        });
    }

    /** Whether the free tier may cover {@code f}'s use: not with provisioned concurrency on AWS. */
    private boolean freeTierCovers(ProviderPrices p, FunctionUsage f) {
        if (!freeTier) {
            return false;
        }
        return f.provisionedInstances() == 0
                || p.compute(f.architecture())
                        .provisioned()
                        .map(prices -> prices.freeTierApplies().value())
                        .orElse(true);
    }

    private double free(Figure allowance) {
        return freeTier ? allowance.value() : 0;
    }

    /** The size a second of a run counts for on {@code meter}: GB, GHz or vCPU. */
    private static double size(ProviderPrices p, Meter meter, int billedMemoryMb) {
        return switch (meter) {
            case GB_SECONDS -> billedMemoryMb / 1024.0;
            case GHZ_SECONDS ->
                p.cpu()
                        .clockGhz(billedMemoryMb)
                        .orElseThrow(() -> new IllegalStateException(p.name() + " bills GHz-s but has no clock table"));
            case VCPU_SECONDS -> p.cpu().vcpu(billedMemoryMb);
        };
    }

    /**
     * Bills {@code usage} on {@code tariff}: a free-tier line for what {@code freeLeft} covers of the
     * eligible usage, then one line per tier the rest reaches (the first always, to show the price).
     *
     * @return the free allowance used
     */
    private static double charge(
            Lines lines, Category category, String description, Tariff tariff, Usage usage, double freeLeft) {
        PriceUnit unit = tariff.unit();
        double free = Math.min(usage.eligible, Math.max(0, freeLeft));
        if (free > 0) {
            lines.add(category, new LineItem(description + " (free tier)", free / unit.per(), unit.label(), 0, 0));
        }
        double billable = usage.total() - free;
        List<Tier> tiers = tariff.tiers();
        double lower = 0;
        for (int i = 0; i < tiers.size(); i++) {
            Tier tier = tiers.get(i);
            double upper = tier.upTo().value();
            double inTier = Math.max(0, Math.min(billable, upper) - lower);
            if (i == 0 || inTier > 0) {
                double quantity = inTier / unit.per();
                double price = tier.price().value();
                lines.add(
                        category,
                        new LineItem(
                                description + tierLabel(tiers, i, unit),
                                quantity,
                                unit.label(),
                                price,
                                quantity * price));
            }
            if (billable <= upper) {
                break;
            }
            lower = upper;
        }
        return free;
    }

    private static String tierLabel(List<Tier> tiers, int i, PriceUnit unit) {
        if (tiers.size() == 1) {
            return "";
        }
        double upper = tiers.get(i).upTo().value();
        double lower = i == 0 ? 0 : tiers.get(i - 1).upTo().value();
        if (i == 0) {
            return ", first " + number(upper) + " " + unit.noun();
        }
        if (i == tiers.size() - 1) {
            return ", over " + number(lower) + " " + unit.noun();
        }
        return ", next " + number(upper - lower) + " " + unit.noun();
    }

    private static LineItem line(String description, double rawQuantity, Figure price) {
        PriceUnit unit = PriceUnit.parse(price.unit());
        double quantity = rawQuantity / unit.per();
        return new LineItem(description, quantity, unit.label(), price.value(), quantity * price.value());
    }

    /** A number for a description: digits grouped, no needless decimals. */
    static String number(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return String.format(Locale.ROOT, "%,.0f", value);
        }
        return String.format(Locale.ROOT, "%,.4f", value).replaceAll("0+$", "");
    }

    /** Usage split by whether the free tier may cover it. */
    private static final class Usage {
        double eligible;
        double other;

        void add(double quantity, boolean coveredByFreeTier) {
            if (coveredByFreeTier) {
                eligible += quantity;
            } else {
                other += quantity;
            }
        }

        double total() {
            return eligible + other;
        }
    }

    private enum Category {
        REQUESTS,
        COMPUTE,
        PROVISIONED,
        GATEWAY,
        SERVICES
    }

    /** Line items by category, in the order a bill lists them. */
    private static final class Lines {
        private final Map<Category, List<LineItem>> items = new EnumMap<>(Category.class);

        void add(Category category, LineItem item) {
            items.computeIfAbsent(category, c -> new ArrayList<>()).add(item);
        }

        double sum(Category category) {
            return items.getOrDefault(category, List.of()).stream()
                    .mapToDouble(LineItem::amount)
                    .sum();
        }

        Bill bill() {
            List<LineItem> all = new ArrayList<>();
            items.values().forEach(all::addAll);
            double requests = sum(Category.REQUESTS);
            double compute = sum(Category.COMPUTE);
            double provisioned = sum(Category.PROVISIONED);
            double gateway = sum(Category.GATEWAY);
            double services = sum(Category.SERVICES);
            return new Bill(
                    all,
                    requests,
                    compute,
                    provisioned,
                    gateway,
                    services,
                    requests + compute + provisioned + gateway + services);
        }
    }
}
