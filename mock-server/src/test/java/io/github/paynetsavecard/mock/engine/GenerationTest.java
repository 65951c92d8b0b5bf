package io.github.paynetsavecard.mock.engine;

import static io.github.paynetsavecard.mock.engine.EngineCall.body;
import static io.github.paynetsavecard.mock.engine.EngineCall.request;
import static io.github.paynetsavecard.mock.engine.EngineCall.violations;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.paynetsavecard.spec.ApiSpec;
import io.github.paynetsavecard.spec.OpenApiDocument;
import io.github.paynetsavecard.spec.SchemaValidator;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Bodies generated from schemas: static like Prism's sampler, dynamic for {@code Prefer: dynamic=true}. */
class GenerationTest {
    private static final OpenApiDocument SPEC = EngineCall.spec("""
            openapi: 3.0.3
            info: {title: generation, version: '1'}
            paths:
              /items:
                get:
                  responses:
                    '200':
                      description: ok
                      content:
                        application/json:
                          schema:
                            type: object
                            required: [id]
                            properties:
                              id: {type: string, format: uuid}
                              when: {type: string, format: date-time}
                              day: {type: string, format: date}
                              mail: {type: string, format: email}
                              name: {type: string, minLength: 10}
                              short: {type: string, maxLength: 3}
                              count: {type: integer, minimum: 5}
                              ratio: {type: number}
                              flag: {type: boolean}
                              kind: {type: string, enum: [b, a]}
                              nick: {type: string, example: neo}
                              dflt: {type: integer, default: 7, example: 8}
                              maybe: {type: string, nullable: true}
                              tags: {type: array, items: {type: string}}
                              nested: {type: object, properties: {x: {type: integer, maximum: 3}}}
                              free: {type: object, additionalProperties: {type: integer}}
                              anything: {}
                              one: {oneOf: [{type: integer}, {type: string}]}
                              all: {allOf: [{type: object, properties: {a: {type: string}}}, {type: object, properties: {b: {type: integer}}}]}
                              tree: {$ref: '#/components/schemas/Tree'}
              /phones:
                get:
                  responses:
                    '200':
                      description: ok
                      content:
                        application/json:
                          schema: {$ref: '#/components/schemas/Phones'}
            components:
              schemas:
                Tree:
                  type: object
                  properties:
                    label: {type: string}
                    children: {type: array, items: {$ref: '#/components/schemas/Tree'}}
                Phones:
                  type: object
                  required: [phone, code, label]
                  properties:
                    phone: {type: string, pattern: '^5[0-9]{9}$'}
                    code: {type: integer, minimum: 0, maximum: 26}
                    label: {type: string, minLength: 3, maxLength: 12}
                    state: {type: string, enum: [new, used]}
                    at: {type: string, format: date-time}
                    object_name: {type: string, nullable: true}
            """);
    private static final MockEngine ENGINE = EngineCall.engine(SPEC);

    @Test
    void generatesTheSameBodyAsPrismsStaticSampler() {
        // Prism 5.14.2's answer to the same request on the same schema, byte for byte.
        String prism = "{\"id\":\"497f6eca-6276-4993-bfeb-53cbbbba6f08\",\"when\":\"2019-08-24T14:15:22Z\","
                + "\"day\":\"2019-08-24\",\"mail\":\"user@example.com\",\"name\":\"stringstri\","
                + "\"short\":\"str\",\"count\":5,\"ratio\":0,\"flag\":true,\"kind\":\"b\",\"nick\":\"neo\","
                + "\"dflt\":7,\"maybe\":\"string\",\"tags\":[\"string\"],\"nested\":{\"x\":3},"
                + "\"free\":{\"property1\":0,\"property2\":0},\"anything\":null,\"one\":0,"
                + "\"all\":{\"a\":\"string\",\"b\":0}";

        MockResponse response = request("GET", "/items").sendTo(ENGINE);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.bodyText()).startsWith(prism);
    }

    @Test
    void cutsRecursiveSchemasShort() {
        JsonNode tree = body(request("GET", "/items").sendTo(ENGINE)).path("tree");

        assertThat(tree.path("label").asText()).isEqualTo("string");
        assertThat(tree.path("children").isArray()).isTrue();
    }

    @Test
    void reportsGeneratedValuesThatBreakTheSchemaInSlViolations() {
        // The static sampler writes "string" for a pattern it cannot satisfy, and Prism then reports it.
        MockResponse response = request("GET", "/phones").sendTo(ENGINE);

        assertThat(body(response).path("phone").asText()).isEqualTo("string");
        assertThat(violations(response)).containsExactly("response.body.phone pattern");
    }

    @Test
    void generatesDynamicBodiesThatSatisfyTheSchema() {
        SchemaValidator validator = SchemaValidator.of(SPEC);
        JsonNode schema = SPEC.tree().at("/components/schemas/Phones");
        List<JsonNode> bodies = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            MockResponse response = request("GET", "/phones").header("Prefer", "dynamic=true").sendTo(ENGINE);
            assertThat(response.header("sl-violations")).isEmpty();
            bodies.add(body(response));
        }

        assertThat(bodies).allSatisfy(generated -> assertThat(validator.validate(schema, generated)).isEmpty());
        assertThat(bodies).extracting(generated -> generated.path("phone").asText()).allMatch(p -> p.matches("5\\d{9}"));
        assertThat(bodies.stream().distinct().count()).isGreaterThan(1);
    }

    @Test
    void repeatsADynamicBodyForTheSameSeedAndSortsItsKeys() {
        MockResponse first = request("GET", "/phones").header("Prefer", "dynamic=true, seed=42").sendTo(ENGINE);
        MockResponse again = request("GET", "/phones").query("__dynamic", "true").query("__seed", "42")
                .sendTo(ENGINE);
        MockResponse other = request("GET", "/phones").header("Prefer", "dynamic=true, seed=43").sendTo(ENGINE);

        assertThat(first.bodyText()).isEqualTo(again.bodyText());
        assertThat(first.bodyText()).isNotEqualTo(other.bodyText());
        List<String> keys = new ArrayList<>();
        body(first).fieldNames().forEachRemaining(keys::add);
        assertThat(keys).isSorted();
    }

    @Test
    void ignoresDynamicWhenANamedExampleIsAskedFor() {
        OpenApiDocument bundled = ApiSpec.bundled();
        MockResponse response = EngineCall.validSaveCard().header("Prefer", "dynamic=true, example=usedSession")
                .sendTo(EngineCall.engine(bundled));

        assertThat(body(response)).isEqualTo(bundled.tree().at("/paths/~1v1~1paynetj~1save_card/post/responses/200"
                + "/content/application~1json/examples/usedSession/value"));
    }

    @Test
    void answersASchemaTooComplexToSampleWithPrisms500() {
        StringBuilder yaml = new StringBuilder("""
                openapi: 3.0.3
                info: {title: huge, version: '1'}
                paths:
                  /huge:
                    get:
                      responses:
                        '200':
                          description: ok
                          content:
                            application/json:
                              schema:
                                type: object
                                properties:
                """);
        for (int i = 0; i < 3000; i++) {
            yaml.append("                      p").append(i).append(": {type: integer}\n");
        }
        MockResponse response = request("GET", "/huge").sendTo(EngineCall.engine(EngineCall.spec(yaml.toString())));

        assertThat(response.status()).isEqualTo(500);
        assertThat(body(response).path("type").asText()).endsWith("#SCHEMA_TOO_COMPLEX");
    }
}
