package dev.stratus.app.canvas;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NodeCaptionTest {

    @Test
    void roundMemorySizesAreShownInGigabytes() {
        assertThat(NodeView.FunctionView.memory(512)).isEqualTo("512 MB");
        assertThat(NodeView.FunctionView.memory(1024)).isEqualTo("1 GB");
        assertThat(NodeView.FunctionView.memory(1536)).isEqualTo("1.5 GB");
        assertThat(NodeView.FunctionView.memory(10240)).isEqualTo("10 GB");
        assertThat(NodeView.FunctionView.memory(1769)).isEqualTo("1769 MB");
    }

    @Test
    void namesBreakAtHyphensUnderscoresDotsSpacesAndCamelCase() {
        assertThat(NameFitter.isJoint("notify-customer", 7)).isTrue();
        assertThat(NameFitter.isJoint("notify_customer", 7)).isTrue();
        assertThat(NameFitter.isJoint("notifyCustomer", 6)).isTrue();
        assertThat(NameFitter.isJoint("notifycustomer", 6)).isFalse();
    }
}
