package com.example.restapi;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.Map;

/**
 * The Lambda handler of the function 'get-item' (Stratus node fn-get-item),
 * started by GET /items/{id} on the API 'items-api'.
 *
 * <p>The function has no code of its own yet: the handler logs the event and answers with JSON
 * naming the function and the values of the environment variables of its connections.
 */
public class GetItemHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    static final String FUNCTION = "get-item";

    /** The environment variables that name what this function is connected to. */
    static final String[] CONNECTIONS = {"TABLE_NAME"};

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        context.getLogger().log(FUNCTION + " received " + EventJson.write(event));
        return APIGatewayV2HTTPResponse.builder()
                .withStatusCode(200)
                .withHeaders(Map.of("Content-Type", "application/json"))
                .withBody(EventJson.answer(FUNCTION, CONNECTIONS))
                .build();
    }
}
