package dev.stratus.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stratus.model.Project;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ExportPlanTest {

    @Test
    void anEnvironmentVariableNamingAConnectedTableBecomesAReferenceToIt() throws Exception {
        ExportPlan plan = ExportPlan.of(ExportChecks.sample("rest-api.stratus.json"));
        ExportPlan.Function list = plan.function("fn-list-items").orElseThrow();
        assertThat(list.environment()).hasSize(1);
        ExportPlan.Variable table = list.environment().get(0);
        assertThat(table.name()).isEqualTo("TABLE_NAME");
        assertThat(table.isReference()).isTrue();
        assertThat(table.reference().resource().id()).isEqualTo("db-items");
        assertThat(list.events())
                .containsExactly(
                        new ExportPlan.Http("GET", "/items", plan.apis().get(0).gateway()));
        assertThat(plan.apis().get(0).exposed()).isTrue();
        assertThat(plan.apis().get(0).routes()).hasSize(4);
    }

    @Test
    void aConnectionWithoutAMatchingVariableAddsOneNamedAfterTheService() throws Exception {
        Project project = ExportChecks.sample("image-thumbnailer.stratus.json");
        ExportPlan plan = ExportPlan.of(project);
        ExportPlan.Function thumbnail = plan.functions().get(0);
        assertThat(thumbnail.environment())
                .extracting(ExportPlan.Variable::name)
                .containsExactly("THUMBNAIL_BUCKET", "THUMBNAIL_WIDTH");
        assertThat(thumbnail.environment().get(0).isReference()).isTrue();
        assertThat(thumbnail.events()).singleElement().isInstanceOf(ExportPlan.StorageEvent.class);
        assertThat(plan.resources())
                .extracting(ExportPlan.Resource::kind)
                .containsExactly(ExportPlan.ResourceKind.BUCKET, ExportPlan.ResourceKind.BUCKET);
    }

    @Test
    void everySamplePlansWithAnEventForEveryFunction() throws Exception {
        for (Path sample : ExportChecks.samples()) {
            ExportPlan plan = ExportPlan.of(ExportChecks.load(sample));
            assertThat(plan.functions())
                    .as(sample.toString())
                    .allSatisfy(f -> assertThat(f.events()).isNotEmpty());
        }
    }

    @Test
    void aDesignWithoutFunctionsIsRefused() {
        assertThatThrownBy(() -> ExportPlan.of(Project.empty("nothing")))
                .isInstanceOf(ExportException.class)
                .hasMessageContaining("no function");
    }

    @Test
    void aRouteIsSplitIntoMethodAndPathEvenWhenThePathHasSpaces() {
        assertThat(ExportPlan.parseRoute("GET /items/{id}", "/x")).containsExactly("GET", "/items/{id}");
        assertThat(ExportPlan.parseRoute("post /say hi!/{id}", "/x")).containsExactly("POST", "/say hi!/{id}");
        assertThat(ExportPlan.parseRoute("/items", "/x")).containsExactly("ANY", "/items");
        assertThat(ExportPlan.parseRoute("  ", "/x")).containsExactly("ANY", "/x");
    }
}
