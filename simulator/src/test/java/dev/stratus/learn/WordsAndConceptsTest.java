package dev.stratus.learn;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stratus.model.Provider;
import dev.stratus.provider.RuntimeProfile;
import org.junit.jupiter.api.Test;

class WordsAndConceptsTest {

    @Test
    void eachProviderHasItsOwnWordForWhatRunsAFunction() {
        assertThat(Words.of(Provider.AWS).containers()).isEqualTo("execution environments");
        assertThat(Words.of(Provider.GCP).container()).isEqualTo("instance");
        assertThat(Words.of(Provider.AZURE).container()).isEqualTo("instance");
        assertThat(Words.of(Provider.IBM).container()).isEqualTo("container");
        assertThat(Words.of(Provider.AWS).provisioned()).hasValue("provisioned concurrency");
        assertThat(Words.of(Provider.GCP).provisioned()).hasValue("minimum instances");
        assertThat(Words.of(Provider.AZURE).provisioned()).hasValue("always-ready instances");
        assertThat(Words.of(Provider.IBM).provisioned()).isEmpty();
        assertThat(Words.of(Provider.IBM).provisionedOrNone())
                .isEqualTo("no way to keep containers warm ahead of time");
        assertThat(Words.of(Provider.AWS).concurrencyLimit()).isEqualTo("reserved concurrency");
        assertThat(Words.of(Provider.GCP).concurrencyLimit()).isEqualTo("maximum instances");
        assertThat(Words.of(Provider.AWS).containers(1)).isEqualTo("1 execution environment");
        assertThat(Words.of(Provider.GCP).containers(1200)).isEqualTo("1,200 instances");
    }

    @Test
    void everyConceptHasAnExplanationAComparisonAndAWayToSeeItOnEveryProvider() {
        for (Concept concept : Concept.values()) {
            assertThat(concept.title()).isNotBlank();
            assertThat(concept.providerDifferences()).isNotBlank().contains("AWS");
            for (Provider provider : Provider.values()) {
                Words words = Words.of(provider);
                assertThat(concept.explanation(words))
                        .as(concept + " on " + provider)
                        .isNotBlank();
                assertThat(concept.howToSee(words))
                        .as(concept + " on " + provider)
                        .isNotBlank();
            }
        }
    }

    @Test
    void explanationsUseTheProvidersWordsAndFigures() {
        assertThat(Concept.COLD_START.explanation(Words.of(Provider.IBM))).contains("idle container");
        assertThat(Concept.COLD_START.explanation(Words.of(Provider.AWS))).contains("idle execution environment");
        double awsKeepAlive = RuntimeProfile.of(Provider.AWS).keepAliveSeconds();
        assertThat(Concept.KEEP_ALIVE.explanation(Words.of(Provider.AWS)))
                .contains("keeps it about " + Numbers.duration(awsKeepAlive));
        assertThat(Concept.KEEP_ALIVE.explanation(Words.of(Provider.AZURE))).contains("keeps it about 20 min");
        assertThat(Concept.PROVISIONED.explanation(Words.of(Provider.GCP))).startsWith("Minimum instances keeps");
        assertThat(Concept.PROVISIONED.explanation(Words.of(Provider.IBM))).contains("has no way to keep containers");
        assertThat(Concept.THROTTLING.explanation(Words.of(Provider.GCP))).contains("maximum instances");
        assertThat(Concept.PROVIDERS.explanation(Words.of(Provider.AWS))).contains("an execution environment");
        assertThat(Concept.THROTTLING.howToSee(Words.of(Provider.AWS))).contains("reserved concurrency to 2");
    }

    @Test
    void numbersAreWrittenForPeople() {
        assertThat(Numbers.count(1234)).isEqualTo("1,234");
        assertThat(Numbers.ms(12.4)).isEqualTo("12 ms");
        assertThat(Numbers.ms(4.53)).isEqualTo("4.5 ms");
        assertThat(Numbers.usd(3.1)).isEqualTo("$3.10");
        assertThat(Numbers.percent(1)).isEqualTo("100 %");
        assertThat(Numbers.percent(0.00018)).isEqualTo("0.018 %");
        assertThat(Numbers.duration(600)).isEqualTo("10 min");
    }
}
