package dev.stratus.layout;

import static dev.stratus.model.Designs.design;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stratus.model.Layout;
import dev.stratus.model.Position;
import dev.stratus.model.Project;
import org.junit.jupiter.api.Test;

class LayeredLayoutTest {

    @Test
    void eachNodeGoesOneColumnAfterTheFurthestNodeLeadingToIt() {
        Project project = design().http("web")
                .function("a")
                .function("b")
                .database("db")
                .connect("web", "a")
                .connect("a", "b")
                .connect("b", "db")
                .connect("a", "db")
                .project();
        Layout layout = LayeredLayout.of(project.architecture());
        assertThat(layout.positionOf("web")).contains(new Position(40, 40));
        assertThat(layout.positionOf("a")).contains(new Position(260, 40));
        assertThat(layout.positionOf("b")).contains(new Position(480, 40));
        assertThat(layout.positionOf("db")).contains(new Position(700, 40));
    }

    @Test
    void nodesInOneColumnAreStackedInDesignOrder() {
        Project project = design().http("web")
                .function("a")
                .function("b")
                .connect("web", "a")
                .connect("web", "b")
                .project();
        Layout layout = LayeredLayout.of(project.architecture());
        assertThat(layout.positionOf("a")).contains(new Position(260, 40));
        assertThat(layout.positionOf("b")).contains(new Position(260, 150));
    }

    @Test
    void aCycleDoesNotStopTheLayout() {
        Project project = design().http("web")
                .function("a")
                .function("b")
                .connect("web", "a")
                .connect("a", "b")
                .connect("b", "a")
                .project();
        Layout layout = LayeredLayout.of(project.architecture());
        assertThat(layout.positions()).containsOnlyKeys("web", "a", "b");
        assertThat(layout.positionOf("b").orElseThrow().x())
                .isGreaterThan(layout.positionOf("a").orElseThrow().x());
    }

    @Test
    void completingALayoutMovesNoPlacedNodeAndPlacesTheRestBelow() {
        Project project = design().http("web").function("a").connect("web", "a").project();
        Layout partial = Layout.EMPTY.with("web", new Position(500, 300));
        Layout complete = LayeredLayout.complete(project.architecture(), partial);
        assertThat(complete.positionOf("web")).contains(new Position(500, 300));
        assertThat(complete.positionOf("a").orElseThrow().y()).isGreaterThan(300);
    }
}
