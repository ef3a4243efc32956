package dev.stratus.model;

import static dev.stratus.model.ConnectionRules.EdgeKind.CALL;
import static dev.stratus.model.ConnectionRules.EdgeKind.EVENT;
import static dev.stratus.model.ConnectionRules.EdgeKind.INVOKE;
import static dev.stratus.model.ConnectionRules.EdgeKind.ROUTE;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ConnectionRulesTest {

    @ParameterizedTest
    @EnumSource(value = NodeKind.Category.class)
    void nothingConnectsIntoATrigger(NodeKind.Category fromCategory) {
        for (NodeKind from : NodeKind.values()) {
            if (from.category() != fromCategory) {
                continue;
            }
            for (NodeKind to : NodeKind.values()) {
                if (to.isTrigger()) {
                    assertThat(ConnectionRules.refusal(from, to))
                            .as("%s -> %s", from, to)
                            .hasValueSatisfying(reason -> assertThat(reason).contains("trigger is where events enter"));
                }
            }
        }
    }

    @Test
    void everyTriggerStartsAFunction() {
        for (NodeKind trigger : NodeKind.values()) {
            if (trigger.isTrigger()) {
                assertThat(ConnectionRules.kindOf(trigger, NodeKind.FUNCTION))
                        .as("%s", trigger)
                        .contains(EVENT);
            }
        }
    }

    @Test
    void onlyAnHttpTriggerFeedsTheGateway() {
        assertThat(ConnectionRules.kindOf(NodeKind.HTTP_TRIGGER, NodeKind.API_GATEWAY))
                .contains(EVENT);
        assertThat(ConnectionRules.refusal(NodeKind.SCHEDULE_TRIGGER, NodeKind.API_GATEWAY))
                .contains("Only an HTTP trigger can send requests to an API gateway.");
    }

    @Test
    void aTriggerCannotGoStraightToAService() {
        assertThat(ConnectionRules.refusal(NodeKind.STORAGE_TRIGGER, NodeKind.DATABASE))
                .contains("A storage event must start a function, not a database.");
        assertThat(ConnectionRules.refusal(NodeKind.HTTP_TRIGGER, NodeKind.BUCKET))
                .contains("An HTTP trigger must start a function or an API gateway, not a bucket.");
    }

    @Test
    void theGatewayRoutesOnlyToFunctions() {
        assertThat(ConnectionRules.kindOf(NodeKind.API_GATEWAY, NodeKind.FUNCTION))
                .contains(ROUTE);
        assertThat(ConnectionRules.refusal(NodeKind.API_GATEWAY, NodeKind.DATABASE))
                .hasValueSatisfying(reason -> assertThat(reason).contains("routes requests to functions"));
    }

    @Test
    void aFunctionCallsEveryServiceAndInvokesFunctions() {
        for (NodeKind service : NodeKind.values()) {
            if (service.isService()) {
                assertThat(ConnectionRules.kindOf(NodeKind.FUNCTION, service))
                        .as("%s", service)
                        .contains(CALL);
            }
        }
        assertThat(ConnectionRules.kindOf(NodeKind.FUNCTION, NodeKind.FUNCTION)).contains(INVOKE);
        assertThat(ConnectionRules.allows(NodeKind.FUNCTION, NodeKind.API_GATEWAY))
                .isFalse();
    }

    @Test
    void onlyQueuesTopicsAndBucketsStartFunctionsAmongServices() {
        EnumSet<NodeKind> starters = EnumSet.noneOf(NodeKind.class);
        for (NodeKind service : NodeKind.values()) {
            if (service.isService() && ConnectionRules.allows(service, NodeKind.FUNCTION)) {
                starters.add(service);
            }
        }
        assertThat(starters).containsExactlyInAnyOrder(NodeKind.QUEUE, NodeKind.TOPIC, NodeKind.BUCKET);
        assertThat(ConnectionRules.refusal(NodeKind.DATABASE, NodeKind.FUNCTION))
                .contains("A database cannot start a function; only a queue, a topic or a bucket can.");
    }

    @Test
    void servicesDoNotCallEachOther() {
        assertThat(ConnectionRules.refusal(NodeKind.QUEUE, NodeKind.DATABASE))
                .contains("Services do not call each other: put a function between a queue and a database.");
    }

    @Test
    void callsAndRoutesAreSynchronousEventsAreNot() {
        assertThat(ConnectionRules.isSynchronous(NodeKind.FUNCTION, NodeKind.DATABASE, null))
                .isTrue();
        assertThat(ConnectionRules.isSynchronous(NodeKind.API_GATEWAY, NodeKind.FUNCTION, null))
                .isTrue();
        assertThat(ConnectionRules.isSynchronous(NodeKind.HTTP_TRIGGER, NodeKind.API_GATEWAY, null))
                .isTrue();
        assertThat(ConnectionRules.isSynchronous(NodeKind.QUEUE, NodeKind.FUNCTION, null))
                .isFalse();
        assertThat(ConnectionRules.isSynchronous(NodeKind.SCHEDULE_TRIGGER, NodeKind.FUNCTION, null))
                .isFalse();
        assertThat(ConnectionRules.isSynchronous(NodeKind.TOPIC, NodeKind.FUNCTION, null))
                .isFalse();
    }

    @Test
    void aFunctionInvokesAnotherSynchronouslyUnlessTheEdgeSaysAsync() {
        assertThat(ConnectionRules.isSynchronous(NodeKind.FUNCTION, NodeKind.FUNCTION, null))
                .isTrue();
        assertThat(ConnectionRules.isSynchronous(NodeKind.FUNCTION, NodeKind.FUNCTION, Edge.Invocation.SYNC))
                .isTrue();
        assertThat(ConnectionRules.isSynchronous(NodeKind.FUNCTION, NodeKind.FUNCTION, Edge.Invocation.ASYNC))
                .isFalse();
    }

    @Test
    void queuesAndStreamsBatchWithTheirDefaults() {
        assertThat(ConnectionRules.defaultBatching(NodeKind.QUEUE)).contains(new Edge.Batching(10, 0));
        assertThat(ConnectionRules.defaultBatching(NodeKind.QUEUE_TRIGGER)).contains(new Edge.Batching(10, 0));
        assertThat(ConnectionRules.defaultBatching(NodeKind.STREAM_TRIGGER)).contains(new Edge.Batching(100, 0));
        assertThat(ConnectionRules.defaultBatching(NodeKind.TOPIC)).isEmpty();
        assertThat(ConnectionRules.isBatched(NodeKind.BUCKET)).isFalse();
    }

    @Test
    void everyRefusalIsASentence() {
        for (NodeKind from : NodeKind.values()) {
            for (NodeKind to : NodeKind.values()) {
                ConnectionRules.refusal(from, to)
                        .ifPresent(reason -> assertThat(reason)
                                .as("%s -> %s", from, to)
                                .matches("[A-Z].*\\.")
                                .doesNotContain("  "));
            }
        }
    }
}
