package dev.stratus.provider;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stratus.model.ApiGateway;
import dev.stratus.model.Provider;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The prices, billing rules, limits and runtime figures of every provider, each figure with its
 * source and date: {@link #standard()} from the {@code providers.json} resource, or {@link #load}
 * with a user's file laid over it. Immutable.
 *
 * <p>Prices are USD for the region each provider names (us-east-1 for AWS). A user's file has the
 * standard file's shape and names only what it changes, for example
 *
 * <pre>{@code
 * {"providers": {"aws": {"requests": {"price": {"value": 0.25}}}}}
 * }</pre>
 *
 * A figure changed without a {@code source} is sourced to the user's file, dated by the file.
 */
public final class PriceBook {

    /** The standard price file, beside this class. */
    static final String RESOURCE = "providers.json";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Map<Provider, ProviderPrices> providers;
    private final Map<ApiGateway.Type, ServicePrices> apiGateway;
    private final Map<String, ServicePrices> services;
    private final ServerPrice server;
    private final String origin;

    PriceBook(
            Map<Provider, ProviderPrices> providers,
            Map<ApiGateway.Type, ServicePrices> apiGateway,
            Map<String, ServicePrices> services,
            ServerPrice server,
            String origin) {
        this.providers = Collections.unmodifiableMap(new EnumMap<>(providers));
        this.apiGateway = Collections.unmodifiableMap(new EnumMap<>(apiGateway));
        this.services = Collections.unmodifiableMap(new LinkedHashMap<>(services));
        this.server = Objects.requireNonNull(server, "server");
        this.origin = Objects.requireNonNull(origin, "origin");
    }

    /** The standard price book, from the resource that ships with Stratus. */
    public static PriceBook standard() {
        return Standard.BOOK;
    }

    /**
     * The standard price book with {@code userFile} laid over it.
     *
     * @throws PriceFileException if the file cannot be read, is not JSON (the message gives
     *     file:line:column), names a key the standard file does not have (file:line:column and the
     *     key), or makes a figure unusable (the figure's path)
     */
    public static PriceBook load(Path userFile) throws PriceFileException {
        String file = userFile.toString();
        byte[] bytes;
        String date;
        try {
            bytes = Files.readAllBytes(userFile);
            date = Files.getLastModifiedTime(userFile)
                    .toInstant()
                    .atZone(ZoneOffset.UTC)
                    .toLocalDate()
                    .toString();
        } catch (NoSuchFileException e) {
            throw new PriceFileException(file, 0, 0, "no such file", e);
        } catch (IOException e) {
            throw new PriceFileException(file, 0, 0, "cannot be read: " + e.getMessage(), e);
        }
        String text;
        try {
            text = StandardCharsets.UTF_8
                    .newDecoder()
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new PriceFileException(file, 0, 0, "is not UTF-8 text, so it is not a price file", e);
        }
        ObjectNode merged = PriceFileMerge.merge(Standard.TREE, text, file, date);
        try {
            return PriceTree.read(merged, file);
        } catch (IllegalArgumentException e) {
            throw new PriceFileException(file, 0, 0, e.getMessage(), e);
        }
    }

    /** The prices and figures of {@code provider}. */
    public ProviderPrices prices(Provider provider) {
        return providers.get(provider);
    }

    /** Amazon API Gateway's request prices for an API of {@code type}. */
    public ServicePrices apiGateway(ApiGateway.Type type) {
        return apiGateway.get(type);
    }

    /**
     * The per-use prices of services by id: {@code dynamodb-write}, {@code dynamodb-read}, {@code
     * sqs}, {@code sns}, {@code s3-put}, {@code s3-get}, {@code ses}.
     */
    public Map<String, ServicePrices> services() {
        return services;
    }

    /** The prices of service {@code id}; see {@link #services()}. */
    public ServicePrices service(String id) {
        ServicePrices prices = services.get(id);
        if (prices == null) {
            throw new IllegalArgumentException(
                    "no prices for service '" + id + "'; known: " + String.join(", ", services.keySet()));
        }
        return prices;
    }

    /** The always-on server a bill is compared with. */
    public ServerPrice server() {
        return server;
    }

    /** Where the book came from: the resource, or the user's file laid over it. */
    public String origin() {
        return origin;
    }

    /** The standard price tree, as read from the resource. */
    static JsonNode standardTree() {
        return Standard.TREE.deepCopy();
    }

    /** Loaded once, on first use. */
    private static final class Standard {
        static final ObjectNode TREE = readResource();
        static final PriceBook BOOK = PriceTree.read(TREE, "the standard price book (" + RESOURCE + ")");

        private static ObjectNode readResource() {
            try (InputStream in = PriceBook.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("missing resource " + RESOURCE);
                }
                return (ObjectNode) MAPPER.readTree(in);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + RESOURCE, e);
            }
        }
    }
}
