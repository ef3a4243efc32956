package dev.stratus.app.inspector;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stratus.model.NodeKind;
import dev.stratus.model.Provider;
import org.junit.jupiter.api.Test;

class ProviderWordsTest {

    @Test
    void awsCallsADatabaseADynamoDbTableAndAFunctionALambdaFunction() {
        assertThat(ProviderWords.of(Provider.AWS, NodeKind.DATABASE)).isEqualTo("DynamoDB table");
        assertThat(ProviderWords.of(Provider.AWS, NodeKind.FUNCTION)).isEqualTo("Lambda function");
        assertThat(ProviderWords.of(Provider.AWS, NodeKind.QUEUE)).isEqualTo("SQS queue");
        assertThat(ProviderWords.of(Provider.AWS, NodeKind.SCHEDULE_TRIGGER)).isEqualTo("EventBridge schedule");
    }

    @Test
    void eachProviderUsesItsOwnWordForAFunction() {
        assertThat(ProviderWords.of(Provider.GCP, NodeKind.FUNCTION)).isEqualTo("Cloud Function");
        assertThat(ProviderWords.of(Provider.GCP_GEN2, NodeKind.FUNCTION)).isEqualTo("Cloud Run function");
        assertThat(ProviderWords.of(Provider.AZURE, NodeKind.FUNCTION)).isEqualTo("Azure Function");
        assertThat(ProviderWords.of(Provider.IBM, NodeKind.FUNCTION)).isEqualTo("Action");
    }

    @Test
    void databasesAreFirestoreCosmosDbAndCloudantElsewhere() {
        assertThat(ProviderWords.of(Provider.GCP, NodeKind.DATABASE)).startsWith("Firestore");
        assertThat(ProviderWords.of(Provider.AZURE, NodeKind.DATABASE)).startsWith("Cosmos DB");
        assertThat(ProviderWords.of(Provider.IBM, NodeKind.DATABASE)).startsWith("Cloudant");
    }

    @Test
    void everyKindHasAWordOnEveryProvider() {
        for (Provider provider : Provider.values()) {
            for (NodeKind kind : NodeKind.values()) {
                assertThat(ProviderWords.of(provider, kind))
                        .as("%s %s", provider, kind)
                        .isNotBlank();
            }
        }
    }
}
