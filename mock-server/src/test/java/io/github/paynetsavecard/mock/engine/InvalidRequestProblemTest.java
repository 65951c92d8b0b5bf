package io.github.paynetsavecard.mock.engine;

import static io.github.paynetsavecard.mock.engine.EngineCall.body;
import static io.github.paynetsavecard.mock.engine.EngineCall.request;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** Prism's own problems for invalid requests, when the spec declares no response for the failure. */
class InvalidRequestProblemTest {
    private static final MockEngine ENGINE = EngineCall.engine(EngineCall.spec("""
            openapi: 3.0.3
            info: {title: problems, version: '1'}
            security: [{bearer: []}, {basic: []}]
            paths:
              /things:
                post:
                  parameters:
                    - {name: limit, in: query, required: true, schema: {type: integer, maximum: 10}}
                    - {name: X-Trace, in: header, required: true, schema: {type: string}}
                  requestBody:
                    required: true
                    content:
                      application/json:
                        schema:
                          type: object
                          required: [n]
                          properties:
                            n: {type: integer}
                            s: {type: string, maxLength: 2}
                  responses:
                    '201': {description: created, content: {application/json: {example: {ok: true}}}}
              /keyed:
                get:
                  security: [{key: []}]
                  responses:
                    '200': {description: ok, content: {application/json: {example: {ok: true}}}}
                    default: {description: any error, content: {application/json: {example: {failed: true}}}}
            components:
              securitySchemes:
                bearer: {type: http, scheme: bearer}
                basic: {type: http, scheme: basic}
                key: {type: apiKey, in: query, name: api_key}
            """));

    private static EngineCall validThing() {
        return request("POST", "/things").query("limit", "5").header("X-Trace", "t")
                .header("Authorization", "Bearer token").json("{\"n\":1}");
    }

    @Test
    void acceptsTheValidRequest() {
        assertThat(validThing().sendTo(ENGINE).status()).isEqualTo(201);
    }

    @Test
    void answers422ProblemListingAllViolationsWhenTheSpecHasNoErrorResponse() {
        MockResponse response = validThing().withoutHeader("X-Trace").json("{\"n\":\"1\",\"s\":\"abc\"}")
                .sendTo(ENGINE);

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.header("Content-Type")).contains("application/problem+json");
        assertThat(response.header("sl-violations")).isEmpty();
        JsonNode problem = body(response);
        assertThat(problem.path("type").asText()).isEqualTo("https://stoplight.io/prism/errors#UNPROCESSABLE_ENTITY");
        assertThat(problem.path("title").asText()).isEqualTo("Invalid request");
        assertThat(problem.path("status").asInt()).isEqualTo(422);
        assertThat(problem.path("validation").findValuesAsText("code"))
                .containsExactly("type", "maxLength", "required");
        assertThat(problem.at("/validation/2/location").toString()).isEqualTo("[\"header\"]");
        assertThat(problem.at("/validation/0/location").toString()).isEqualTo("[\"body\",\"n\"]");
    }

    @Test
    void coercesQueryParametersBeforeValidatingThem() {
        MockResponse tooBig = validThing().withoutHeader("X-Trace").header("X-Trace", "t").sendTo(ENGINE);
        MockResponse invalid = request("POST", "/things").query("limit", "50").header("X-Trace", "t")
                .header("Authorization", "Bearer token").json("{\"n\":1}").sendTo(ENGINE);

        assertThat(tooBig.status()).isEqualTo(201);
        assertThat(invalid.status()).isEqualTo(422);
        assertThat(body(invalid).at("/validation/0/code").asText()).isEqualTo("maximum");
        assertThat(body(invalid).at("/validation/0/location").toString()).isEqualTo("[\"query\",\"limit\"]");
    }

    @Test
    void answers401ProblemWithTheChallengesOfTheFailedSchemes() {
        MockResponse response = validThing().withoutHeader("Authorization").sendTo(ENGINE);

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.header("WWW-Authenticate")).contains("Bearer,Basic realm=\"*\"");
        assertThat(body(response).path("type").asText()).endsWith("#UNAUTHORIZED");
        assertThat(body(response).at("/headers/WWW-Authenticate").asText()).isEqualTo("Bearer,Basic realm=\"*\"");
    }

    @Test
    void acceptsAnyAlternativeOfTheSecurityRequirements() {
        MockResponse basic = validThing().withoutHeader("Authorization").header("Authorization", "Basic dTpw")
                .sendTo(ENGINE);
        MockResponse badBasic = validThing().withoutHeader("Authorization").header("Authorization", "Basic xx")
                .sendTo(ENGINE);

        assertThat(basic.status()).isEqualTo(201);
        assertThat(badBasic.status()).isEqualTo(401);
        assertThat(badBasic.header("WWW-Authenticate")).contains("Bearer");
    }

    @Test
    void answers415ProblemForAWrongContentType() {
        MockResponse response = validThing().withoutHeader("Content-Type").header("Content-Type", "text/csv")
                .sendTo(ENGINE);

        assertThat(response.status()).isEqualTo(415);
        assertThat(body(response).path("type").asText()).endsWith("#INVALID_CONTENT_TYPE");
        assertThat(body(response).path("detail").asText()).isEqualTo("Supported content types: application/json");
    }

    @Test
    void answersABodyOnAnOperationWithoutOneWith415ServedByTheDefaultResponse() {
        MockResponse response = request("GET", "/keyed").query("api_key", "k").json("{}").sendTo(ENGINE);

        assertThat(response.status()).isEqualTo(415);
        assertThat(body(response).path("failed").asBoolean()).isTrue();
        assertThat(response.header("sl-violations").orElseThrow())
                .contains("No supported content types, but request included a non-empty body");
    }

    @Test
    void usesTheDefaultResponseAsThe401WhenTheSpecHasNo401() {
        MockResponse missing = request("GET", "/keyed").sendTo(ENGINE);
        MockResponse present = request("GET", "/keyed").query("api_key", "k").sendTo(ENGINE);

        assertThat(missing.status()).isEqualTo(401);
        assertThat(body(missing).path("failed").asBoolean()).isTrue();
        assertThat(EngineCall.violations(missing)).containsExactly("request 401");
        assertThat(present.status()).isEqualTo(200);
    }
}
