package io.github.paynetsavecard.mock.engine;

import static io.github.paynetsavecard.mock.engine.EngineCall.body;
import static io.github.paynetsavecard.mock.engine.EngineCall.request;
import static io.github.paynetsavecard.mock.engine.EngineCall.violations;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Status, media type and body choice for valid requests, on small specs written for each rule. */
class ResponseSelectionTest {
    private static final MockEngine ENGINE = EngineCall.engine(EngineCall.spec("""
            openapi: 3.0.3
            info: {title: selection, version: '1'}
            paths:
              /lowest:
                get:
                  responses:
                    '404': {description: x, content: {application/json: {example: {status: 404}}}}
                    '202': {description: x, content: {application/json: {example: {status: 202}}}}
                    '201': {description: x, content: {application/json: {example: {status: 201}}}}
              /fallback:
                get:
                  responses:
                    '404': {description: x, content: {application/json: {example: {status: 404}}}}
                    default: {description: x, content: {application/json: {example: {status: default}}}}
              /first:
                get:
                  responses:
                    '404': {description: x, content: {application/json: {example: {status: 404}}}}
                    '500': {description: x, content: {application/json: {example: {status: 500}}}}
              /range:
                get:
                  responses:
                    '2XX': {description: x, content: {application/json: {example: {status: 2XX}}}}
                    '4XX': {description: x, content: {application/json: {example: {status: 4XX}}}}
              /negotiated:
                get:
                  responses:
                    '200':
                      description: x
                      headers:
                        X-Rate-Limit: {schema: {type: integer, example: 100}}
                        X-Trace: {schema: {type: string}, examples: {one: {value: abc}}}
                      content:
                        application/json:
                          examples:
                            first: {value: {kind: first}}
                            second: {value: {kind: second}}
                        application/xml: {example: '<kind>xml</kind>'}
                        text/plain: {schema: {type: string, example: plain text}}
              /empty:
                get:
                  responses:
                    '204': {description: nothing}
              /old:
                get:
                  deprecated: true
                  responses:
                    '200': {description: x, content: {application/json: {example: {}}}}
              /users/{id}:
                get:
                  parameters: [{name: id, in: path, required: true, schema: {type: integer}}]
                  responses:
                    '200': {description: x, content: {application/json: {example: {templated: true}}}}
              /broken:
                get:
                  responses:
                    '200':
                      description: an example that breaks its own schema
                      content:
                        application/json:
                          example: {n: not a number}
                          schema: {type: object, required: [m], properties: {n: {type: integer}}}
              /users/me:
                get:
                  responses:
                    '200': {description: x, content: {application/json: {example: {concrete: true}}}}
            """));

    @Test
    void picksTheLowest2xxResponseWhateverItsPositionInTheSpec() {
        MockResponse response = request("GET", "/lowest").sendTo(ENGINE);

        assertThat(response.status()).isEqualTo(201);
        assertThat(body(response).path("status").asInt()).isEqualTo(201);
    }

    @Test
    void picksDefaultWhenThereIsNo2xxAndServesItAs200() {
        MockResponse response = request("GET", "/fallback").sendTo(ENGINE);

        assertThat(response.status()).isEqualTo(200);
        assertThat(body(response).path("status").asText()).isEqualTo("default");
    }

    @Test
    void picksTheFirstDeclaredResponseWhenThereIsNeither2xxNorDefault() {
        MockResponse response = request("GET", "/first").sendTo(ENGINE);

        assertThat(response.status()).isEqualTo(404);
    }

    @Test
    void servesA2xxRangeAs200AndAForcedCodeThroughItsRange() {
        MockResponse unforced = request("GET", "/range").sendTo(ENGINE);
        MockResponse forced = request("GET", "/range").header("Prefer", "code=418").sendTo(ENGINE);

        assertThat(unforced.status()).isEqualTo(200);
        assertThat(forced.status()).isEqualTo(418);
        assertThat(body(forced).path("status").asText()).isEqualTo("4XX");
    }

    @Test
    void servesAForcedCodeThatIsOnlyCoveredByDefault() {
        MockResponse response = request("GET", "/fallback").header("Prefer", "code=503").sendTo(ENGINE);

        assertThat(response.status()).isEqualTo(503);
        assertThat(body(response).path("status").asText()).isEqualTo("default");
    }

    @Test
    void prefersJsonWithoutAcceptAndServesItsFirstExample() {
        MockResponse response = request("GET", "/negotiated").sendTo(ENGINE);

        assertThat(response.header("Content-Type")).contains("application/json");
        assertThat(body(response).path("kind").asText()).isEqualTo("first");
    }

    @Test
    void negotiatesTheMediaTypeOnAcceptWithQualityValues() {
        MockResponse xml = request("GET", "/negotiated").header("Accept", "application/xml").sendTo(ENGINE);
        MockResponse ranked = request("GET", "/negotiated")
                .header("Accept", "application/json;q=0.4, text/plain;q=0.9").sendTo(ENGINE);

        assertThat(xml.header("Content-Type")).contains("application/xml");
        assertThat(xml.bodyText()).isEqualTo("<kind>xml</kind>");
        assertThat(ranked.header("Content-Type")).contains("text/plain");
        assertThat(ranked.bodyText()).isEqualTo("plain text");
    }

    @Test
    void answersAnUnsatisfiableAcceptWith406UnlessItAcceptsAnything() {
        MockResponse refused = request("GET", "/negotiated").header("Accept", "image/png").sendTo(ENGINE);
        MockResponse anything = request("GET", "/negotiated").header("Accept", "image/png, */*;q=0.1")
                .sendTo(ENGINE);

        assertThat(refused.status()).isEqualTo(406);
        assertThat(anything.status()).isEqualTo(200);
        assertThat(anything.header("Content-Type")).contains("application/json");
    }

    @Test
    void servesTheNamedExample() {
        MockResponse response = request("GET", "/negotiated").header("Prefer", "example=second").sendTo(ENGINE);

        assertThat(body(response).path("kind").asText()).isEqualTo("second");
    }

    @Test
    void fillsDeclaredResponseHeadersFromExamplesOrSchemas() {
        MockResponse response = request("GET", "/negotiated").sendTo(ENGINE);

        assertThat(response.header("X-Rate-Limit")).contains("100");
        assertThat(response.header("X-Trace")).contains("abc");
    }

    @Test
    void sendsNoBodyForAResponseWithoutContent() {
        MockResponse withAccept = request("GET", "/empty").header("Accept", "*/*").sendTo(ENGINE);
        MockResponse withoutAccept = request("GET", "/empty").sendTo(ENGINE);

        assertThat(withAccept.status()).isEqualTo(204);
        assertThat(withAccept.body()).isEmpty();
        assertThat(withAccept.header("Content-Type")).isEmpty();
        assertThat(withoutAccept.header("Content-Type")).contains("text/plain");
        assertThat(withoutAccept.body()).isEmpty();
    }

    @Test
    void marksDeprecatedOperations() {
        assertThat(request("GET", "/old").sendTo(ENGINE).header("Deprecation")).contains("true");
    }

    @Test
    void prefersAConcretePathOverATemplatedOne() {
        MockResponse concrete = request("GET", "/users/me").sendTo(ENGINE);
        MockResponse templated = request("GET", "/users/42").sendTo(ENGINE);

        assertThat(body(concrete).path("concrete").asBoolean()).isTrue();
        assertThat(body(templated).path("templated").asBoolean()).isTrue();
    }

    @Test
    void validatesPathParametersAgainstTheirSchema() {
        MockResponse response = request("GET", "/users/abc").sendTo(ENGINE);

        assertThat(response.status()).isEqualTo(422);
        assertThat(body(response).at("/validation/0/location").toString()).isEqualTo("[\"path\",\"id\"]");
        assertThat(body(response).at("/validation/0/code").asText()).isEqualTo("type");
    }

    @Test
    void reportsAnExampleThatBreaksItsSchemaOnEveryAnswer() {
        MockResponse first = request("GET", "/broken").sendTo(ENGINE);
        MockResponse second = request("GET", "/broken").sendTo(ENGINE);

        assertThat(first.status()).isEqualTo(200);
        assertThat(violations(first)).containsExactly("response.body required", "response.body.n type");
        assertThat(violations(second)).isEqualTo(violations(first));
    }

    @Test
    void answersAMissingApiKeyWithPrisms401WithoutAChallenge() {
        MockEngine engine = EngineCall.engine(EngineCall.spec("""
                openapi: 3.0.3
                info: {title: undeclared, version: '1'}
                paths:
                  /only-404:
                    get:
                      security: [{key: []}]
                      responses:
                        '404': {description: x, content: {application/json: {example: {}}}}
                components:
                  securitySchemes:
                    key: {type: apiKey, in: header, name: X-Key}
                """));

        MockResponse response = request("GET", "/only-404").sendTo(engine);

        assertThat(response.status()).isEqualTo(401);
        assertThat(body(response).path("type").asText()).endsWith("#UNAUTHORIZED");
        assertThat(response.header("WWW-Authenticate")).isEmpty();
    }

    @Test
    void acceptsACookieApiKeyOnlyWhenTheCookieHasAValue() {
        MockEngine engine = EngineCall.engine(EngineCall.spec("""
                openapi: 3.0.3
                info: {title: cookie, version: '1'}
                paths:
                  /me:
                    get:
                      security: [{session: []}]
                      responses:
                        '200': {description: x, content: {application/json: {example: {}}}}
                components:
                  securitySchemes:
                    session: {type: apiKey, in: cookie, name: sid}
                """));

        assertThat(request("GET", "/me").header("Cookie", "theme=dark; sid=abc").sendTo(engine).status())
                .isEqualTo(200);
        assertThat(request("GET", "/me").header("Cookie", "sid=").sendTo(engine).status()).isEqualTo(401);
        assertThat(request("GET", "/me").header("Cookie", "theme=dark").sendTo(engine).status()).isEqualTo(401);
        assertThat(request("GET", "/me").sendTo(engine).status()).isEqualTo(401);
    }

    @Test
    void answersADocumentWithoutPathsWithNoResourceProvided() {
        MockEngine empty = EngineCall.engine(EngineCall.spec("""
                openapi: 3.0.3
                info: {title: empty, version: '1'}
                paths: {}
                """));

        MockResponse response = request("GET", "/anything").sendTo(empty);

        assertThat(response.status()).isEqualTo(404);
        assertThat(body(response).path("type").asText()).endsWith("#NO_RESOURCE_PROVIDED_ERROR");
        assertThat(violations(response)).isEmpty();
    }
}
