package dev.stratus.app.samples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stratus.project.ProjectFileException;
import java.util.List;
import org.junit.jupiter.api.Test;

class SampleCatalogTest {

    @Test
    void everyPackagedSampleOpens() throws ProjectFileException {
        SampleCatalog catalog = SampleCatalog.packaged();

        assertThat(catalog.samples()).isNotEmpty();
        for (Sample sample : catalog.samples()) {
            assertThat(catalog.load(sample).architecture().nodes())
                    .as(sample.file())
                    .isNotEmpty();
        }
    }

    @Test
    void theDefaultSampleIsTheOneMarkedDefault() {
        List<Sample> samples = SampleCatalog.parseIndex("""
                [{"file": "a.stratus.json", "title": "A"},
                 {"file": "b.stratus.json", "title": "B", "default": true}]
                """, "index.json");

        assertThat(new SampleCatalog(samples).defaultSample()).map(Sample::file).hasValue("b.stratus.json");
    }

    @Test
    void withoutADefaultTheFirstSampleIsTheDefault() {
        List<Sample> samples = SampleCatalog.parseIndex("[{\"file\": \"a.stratus.json\"}]", "index.json");

        assertThat(new SampleCatalog(samples).defaultSample())
                .map(Sample::title)
                .hasValue("a.stratus.json");
    }

    @Test
    void anIndexThatIsNotAListIsRefused() {
        assertThatThrownBy(() -> SampleCatalog.parseIndex("{}", "index.json"))
                .hasMessageContaining("index.json must hold a list");
    }

    @Test
    void aSampleThatIsListedButMissingIsReportedByName() {
        SampleCatalog catalog = new SampleCatalog(List.of(new Sample("missing.stratus.json", "Gone", "", false)));

        assertThatThrownBy(() -> catalog.load(catalog.samples().get(0)))
                .isInstanceOf(ProjectFileException.class)
                .hasMessageStartingWith("samples/missing.stratus.json: ");
    }
}
