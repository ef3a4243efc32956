package dev.stratus.learn;

import static dev.stratus.learn.Words.capitalized;

import dev.stratus.model.ApiGateway;
import dev.stratus.model.FunctionNode;
import dev.stratus.model.Provider;
import dev.stratus.provider.Meter;
import dev.stratus.provider.PriceBook;
import dev.stratus.provider.ProviderPrices;
import dev.stratus.provider.RuntimeProfile;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The ideas a learner meets when a serverless design runs, each explained in plain sentences in a
 * provider's own words ({@link Words}), with that provider's figures from the standard price book:
 * its default keep-alive, cold-start time, concurrency, prices and free tier.
 */
public enum Concept {
    COLD_START("Cold start"),
    WARM_START("Warm start"),
    KEEP_ALIVE("Keep-alive"),
    SCALE_OUT("Scale-out"),
    THROTTLING("Concurrency limit and throttling"),
    PROVISIONED("Provisioned concurrency"),
    QUEUES("Queues and batching"),
    API_GATEWAY("The API gateway"),
    PAY_PER_USE("Pay-per-use billing and the free tier"),
    PROVIDERS("Each provider's differences");

    private final String title;

    Concept(String title) {
        this.title = title;
    }

    /** The concept's name, for a heading. */
    public String title() {
        return title;
    }

    /** A stable id for files and controls: {@code cold-start}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * Two to four plain sentences a first-year student understands, in the words of {@code words}'
     * provider and with its figures.
     */
    public String explanation(Words words) {
        Provider provider = words.provider();
        ProviderPrices prices = PriceBook.standard().prices(provider);
        RuntimeProfile profile = RuntimeProfile.of(prices);
        String one = words.container();
        String many = words.containers();
        return switch (this) {
            case COLD_START ->
                "A request starts cold when no idle " + one + " is ready for it: "
                        + provider.displayName() + " first starts a new " + one + ", loads the runtime and your code,"
                        + " and only then runs your handler. That start adds about "
                        + Numbers.ms(coldStartMs(provider)) + " on " + words.shortName()
                        + " for a small Java " + words.function() + ", and more for a big one."
                        + " The request waits for all of it.";
            case WARM_START ->
                "A request starts warm when an idle " + one
                        + " that already ran your " + words.function() + " is waiting: it is used again at once."
                        + " Only your handler's own work counts, so a warm request is as fast as your code."
                        + " Most requests of a busy design are warm.";
            case KEEP_ALIVE ->
                "After a request, the " + one + " is kept idle in memory in case another"
                        + " request comes. " + provider.displayName() + " keeps it about "
                        + Numbers.duration(profile.keepAliveSeconds()) + "; after that it is reclaimed and the next"
                        + " request starts cold. You cannot set this on the provider, but Stratus lets you change it"
                        + " to see what it does.";
            case SCALE_OUT ->
                "When more requests arrive at once than there are idle " + many + ", the platform"
                        + " starts more " + many + " side by side, each started cold. " + provider.displayName()
                        + " allows up to " + Numbers.count(profile.accountConcurrency()) + " at once by default"
                        + scaleOutRate(profile, many) + ". When the traffic falls, the extra " + many
                        + " sit idle until their keep-alive ends.";
            case THROTTLING ->
                "A concurrency limit caps how many " + many + " one " + words.function()
                        + " may run at once; on " + words.shortName() + " it is called " + words.concurrencyLimit()
                        + ". A request that arrives while all of them are busy is throttled: a caller over HTTP"
                        + " gets an error, an event is retried later, and a queue message waits in its queue.";
            case PROVISIONED ->
                words.provisioned()
                        .map(name -> capitalized(name) + " keeps a number of " + many + " started and warm all the"
                                + " time, so that many requests at once never start cold. You pay for them by the"
                                + " hour whether they are busy or not, and one request more than that number still"
                                + " starts cold.")
                        .orElse(provider.displayName() + " has no way to keep " + many + " warm ahead of time:"
                                + " the first request after an idle spell always starts cold. On other providers"
                                + " you can pay to keep some warm (AWS: provisioned concurrency).");
            case QUEUES ->
                "A queue between two " + words.function() + "s lets the first hand its work over and"
                        + " answer at once. The second reads the messages in batches, so one run handles several"
                        + " messages, and a burst waits in the queue instead of being throttled."
                        + " The price is a delay: a message waits until a " + one + " is free to read it.";
            case API_GATEWAY ->
                "An API gateway is the front door for HTTP requests: it checks them, can answer"
                        + " from a cache, refuses requests above its rate limit, and passes the rest to a "
                        + words.function() + ". It adds a few milliseconds to every request"
                        + (provider == Provider.AWS
                                ? " and on AWS its own price: " + Numbers.usd(gatewayPrice(ApiGateway.Type.HTTP))
                                        + " per million"
                                        + " requests for an HTTP API, "
                                        + Numbers.usd(gatewayPrice(ApiGateway.Type.REST))
                                        + " for a REST API."
                                : ".");
            case PAY_PER_USE ->
                "You pay for each request ("
                        + Numbers.usd(prices.requests().firstPrice().value()) + " per million on "
                        + words.shortName() + ") and for the time your code runs times its memory, in GB-seconds ("
                        + String.format(Locale.ROOT, "$%.7f", gbSecondPrice(prices)) + " each), rounded up to "
                        + Numbers.ms(prices.billing().granularityMs().value()) + ". An idle " + one
                        + " costs nothing. Every month the free tier covers the first "
                        + Numbers.count((long) prices.freeTier().requests().value()) + " requests and "
                        + Numbers.count((long) prices.freeTier().of(Meter.GB_SECONDS)) + " GB-seconds.";
            case PROVIDERS ->
                "The same design runs differently on each provider: how long an idle " + one
                        + " is kept, how long a cold start takes, which memory sizes are allowed, and how the bill"
                        + " rounds each run. On " + provider.displayName() + " what runs a function is called"
                        + " " + Words.withArticle(one)
                        + ". The providers experiment runs your design on three of them side by side.";
        };
    }

    /**
     * A short paragraph comparing the providers on this concept, with each one's figure where the
     * price book has it.
     */
    public String providerDifferences() {
        return switch (this) {
            case COLD_START ->
                "Typical cold starts: "
                        + each(p -> Numbers.ms(coldStartMs(p)))
                        + ". AWS figures are measured (lambda-perf, Java hello-world); the others are estimates"
                        + " from published measurements, and Azure's Linux Consumption plan often takes up to 5 s.";
            case WARM_START ->
                "Warm requests are fast everywhere; measured medians of a small function were"
                        + " about 25 ms on AWS, 79 ms on Google and 320 ms on Azure (Wang et al., ATC'18),"
                        + " mostly the platform's own routing.";
            case KEEP_ALIVE ->
                "Idle keep-alive by default: "
                        + each(p -> Numbers.duration(RuntimeProfile.of(p).keepAliveSeconds()))
                        + ". None of them lets you set it; they reclaim earlier when short of memory.";
            case SCALE_OUT ->
                "Instances at once by default: "
                        + each(p -> Numbers.count(RuntimeProfile.of(p).accountConcurrency()))
                        + ". AWS also limits how fast a function grows: 1,000 new execution environments every 10 s.";
            case THROTTLING ->
                "Each names its limit differently: "
                        + each(p -> Words.of(p).concurrencyLimit())
                        + ". AWS limits each function; Azure limits the whole function app; OpenWhisk limits the"
                        + " namespace.";
            case PROVISIONED ->
                "Keeping instances warm: "
                        + each(p -> Words.of(p).provisionedOrNone())
                        + ". Stratus prices AWS provisioned concurrency only; elsewhere the setting is ignored.";
            case QUEUES ->
                "AWS reads SQS queues in batches of up to 10 messages by default, Azure reads"
                        + " storage queues in batches of 16, Google delivers Pub/Sub messages one per invocation,"
                        + " and OpenWhisk has no queue of its own (a feed or Kafka trigger plays its part).";
            case API_GATEWAY ->
                "AWS charges for API Gateway apart ($1.00 per million for an HTTP API, $3.50 for"
                        + " REST); Azure and Google give a function its own HTTPS address at no extra charge, and"
                        + " OpenWhisk's API gateway comes with the platform.";
            case PAY_PER_USE ->
                "Free requests a month: "
                        + each(p -> Numbers.count((long) PriceBook.standard()
                                .prices(p)
                                .freeTier()
                                .requests()
                                .value()))
                        + "; billing rounds each run up to "
                        + each(p -> Numbers.ms(PriceBook.standard()
                                .prices(p)
                                .billing()
                                .granularityMs()
                                .value()))
                        + ". Only AWS bills the cold-start init time (since August 2025).";
            case PROVIDERS ->
                "Largest memory: "
                        + each(p -> Numbers.count(PriceBook.standard()
                                        .prices(p)
                                        .limits()
                                        .maxMemoryMb()
                                        .intValue())
                                + " MB")
                        + ". What runs a function: "
                        + each(p -> Words.of(p).container())
                        + ". IBM Cloud Functions is closed to new work; Apache OpenWhisk runs the same way on your"
                        + " own servers.";
        };
    }

    /** The change to a design that makes this concept happen, in {@code words}. */
    public String howToSee(Words words) {
        String many = words.containers();
        return switch (this) {
            case COLD_START ->
                "Every design starts cold at first; to see many, set a function's keep-alive to 0"
                        + " and every request starts cold.";
            case WARM_START ->
                "Add a workload of a few requests a second at a trigger: after the first request" + " the " + many
                        + " stay warm.";
            case KEEP_ALIVE ->
                "Give a trigger traffic with gaps longer than the keep-alive (a schedule every"
                        + " 30 minutes, or a Poisson workload of 1 request a minute) and watch idle " + many
                        + " expire.";
            case SCALE_OUT ->
                "Add a spike to a workload (many requests a second for a minute) and watch new " + many + " start.";
            case THROTTLING ->
                "Set a " + words.function() + "'s " + words.concurrencyLimit() + " to 2 and add a"
                        + " spike to its trigger's workload.";
            case PROVISIONED ->
                words.provisioned()
                        .map(name -> "Set a " + words.function() + "'s " + name + " to 2 on AWS, where Stratus"
                                + " prices it, and watch those " + many + " stay warm.")
                        .orElse("Switch the design to AWS and set a function's provisioned concurrency to 2: "
                                + words.provider().displayName() + " has none.");
            case QUEUES ->
                "Put a queue between two " + words.function() + "s: connect the first to a queue and"
                        + " the queue to the second.";
            case API_GATEWAY ->
                "Connect an HTTP trigger to an API gateway and a route of the gateway to a " + words.function() + ".";
            case PAY_PER_USE ->
                "Any design with a workload has a bill; raise its traffic tenfold and watch the"
                        + " bill follow it while the free tier stays the same.";
            case PROVIDERS -> "Run the providers experiment, or switch the design's provider and run it again.";
        };
    }

    /** The provider's mean cold-start init time for a Java 21 function, ms. */
    static double coldStartMs(Provider provider) {
        return RuntimeProfile.coldStart(provider, FunctionNode.of("f", "f")).meanMs();
    }

    private static String scaleOutRate(RuntimeProfile profile, String many) {
        if (profile.scaleOutBurst() <= 0) {
            return "";
        }
        return ", starting at most " + Numbers.count(profile.scaleOutBurst()) + " new " + many + " every "
                + Numbers.duration(profile.scaleOutPeriodSeconds()) + " for each function";
    }

    private static double gbSecondPrice(ProviderPrices prices) {
        return prices.compute(FunctionNode.Architecture.X86_64)
                .meters()
                .get(Meter.GB_SECONDS)
                .firstPrice()
                .value();
    }

    private static double gatewayPrice(ApiGateway.Type type) {
        return PriceBook.standard().apiGateway(type).tariff().firstPrice().value();
    }

    /** "AWS 6 min, Google (1st gen) 15 min, ...": {@code figure} of every provider. */
    private static String each(Function<Provider, String> figure) {
        return Arrays.stream(Provider.values())
                .map(p -> Words.of(p).shortName() + " " + figure.apply(p))
                .collect(Collectors.joining(", "));
    }
}
