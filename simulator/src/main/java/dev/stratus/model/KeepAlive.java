package dev.stratus.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;

/**
 * How long an idle instance of a function is kept warm before the platform reclaims it.
 *
 * @param policy the policy
 * @param seconds the keep-alive for {@link Policy#FIXED}, seconds; {@code null} for the others
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record KeepAlive(Policy policy, Double seconds) {

    /** The keep-alive policies the simulator knows. */
    public enum Policy {
        /** The target provider's own fixed keep-alive. */
        PROVIDER_DEFAULT("provider-default"),
        /** A fixed keep-alive of {@code seconds}. */
        FIXED("fixed"),
        /** Instances are reclaimed as soon as they are idle: every start is cold. */
        NONE("none"),
        /** The hybrid histogram policy of "Serverless in the Wild" (Shahrad et al., ATC'20). */
        HYBRID("hybrid-histogram");

        private final String id;

        Policy(String id) {
            this.id = id;
        }

        @JsonValue
        public String id() {
            return id;
        }
    }

    public static final KeepAlive PROVIDER_DEFAULT = new KeepAlive(Policy.PROVIDER_DEFAULT, null);

    public KeepAlive {
        Objects.requireNonNull(policy, "keepAlive.policy is missing");
        if (policy == Policy.FIXED) {
            Objects.requireNonNull(seconds, "keepAlive.seconds is missing: a fixed keep-alive needs one");
            Checks.nonNegative(seconds, "keepAlive.seconds");
        } else if (seconds != null) {
            throw new IllegalArgumentException("keepAlive.seconds only applies to the fixed policy");
        }
    }

    public static KeepAlive fixed(double seconds) {
        return new KeepAlive(Policy.FIXED, seconds);
    }
}
