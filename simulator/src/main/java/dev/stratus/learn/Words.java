package dev.stratus.learn;

import dev.stratus.model.Provider;
import java.util.Locale;
import java.util.Optional;

/**
 * What a provider calls the parts of its platform a learner meets: the thing that runs a function
 * (AWS Lambda's "execution environment", Google's and Azure's "instance", OpenWhisk's "container"),
 * its way to keep some warm, and its per-function concurrency limit. Names are lower case, as they
 * read inside a sentence; {@link #capitalized(String)} starts a sentence with one.
 *
 * @param provider the provider whose words these are
 * @param shortName the provider's name in a list of providers: "AWS", "Google (1st gen)"
 * @param container one of what runs a function: "execution environment", "instance", "container"
 * @param containers more than one of them
 * @param provisioned the setting that keeps some started and warm ("provisioned concurrency",
 *     "minimum instances"); empty where the provider has none (OpenWhisk)
 * @param concurrencyLimit the setting that caps how many one function runs at once ("reserved
 *     concurrency", "maximum instances")
 * @param function what the provider calls a function, in a sentence: "Lambda function", "action"
 */
public record Words(
        Provider provider,
        String shortName,
        String container,
        String containers,
        Optional<String> provisioned,
        String concurrencyLimit,
        String function) {

    /** The words of {@code provider}, as its own documentation uses them. */
    public static Words of(Provider provider) {
        return switch (provider) {
            case AWS ->
                new Words(
                        provider,
                        "AWS",
                        "execution environment",
                        "execution environments",
                        Optional.of("provisioned concurrency"),
                        "reserved concurrency",
                        "Lambda function");
            case GCP -> google(provider, "Google (1st gen)");
            case GCP_GEN2 -> google(provider, "Google (2nd gen)");
            case AZURE ->
                new Words(
                        provider,
                        "Azure",
                        "instance",
                        "instances",
                        Optional.of("always-ready instances"),
                        "app scale-out limit",
                        "function");
            case AZURE_FLEX ->
                new Words(
                        provider,
                        "Azure Flex",
                        "instance",
                        "instances",
                        Optional.of("always-ready instances"),
                        "maximum instance count",
                        "function");
            case IBM ->
                new Words(
                        provider,
                        "IBM / OpenWhisk",
                        "container",
                        "containers",
                        Optional.empty(),
                        "concurrent invocations limit",
                        "action");
        };
    }

    private static Words google(Provider provider, String shortName) {
        return new Words(
                provider,
                shortName,
                "instance",
                "instances",
                Optional.of("minimum instances"),
                "maximum instances",
                "function");
    }

    /** The provisioned setting's name, or a phrase saying the provider has none. */
    public String provisionedOrNone() {
        return provisioned.orElse("no way to keep " + containers + " warm ahead of time");
    }

    /** {@code count} of what runs a function: "1 instance", "3 execution environments". */
    public String containers(long count) {
        return Numbers.count(count, container, containers);
    }

    /** {@code noun} with "a" or "an" before it: "an instance", "a container". */
    public static String withArticle(String noun) {
        return ("aeiou".indexOf(Character.toLowerCase(noun.charAt(0))) >= 0 ? "an " : "a ") + noun;
    }

    /** {@code text} with its first letter in upper case, to start a sentence. */
    public static String capitalized(String text) {
        return text.isEmpty() ? text : text.substring(0, 1).toUpperCase(Locale.ROOT) + text.substring(1);
    }
}
