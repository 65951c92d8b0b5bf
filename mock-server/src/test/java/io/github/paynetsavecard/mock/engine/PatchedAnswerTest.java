package io.github.paynetsavecard.mock.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.paynetsavecard.spec.ApiSpec;
import io.github.paynetsavecard.spec.index.Content;
import io.github.paynetsavecard.spec.index.Example;
import io.github.paynetsavecard.spec.index.Operation;
import io.github.paynetsavecard.spec.index.References;
import io.github.paynetsavecard.spec.index.ResponseDefinition;
import io.github.paynetsavecard.spec.index.SpecIndex;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An answer a rule patched is the answer the engine gives when the patched body is the example: the same status,
 * headers, body and {@code sl-violations}, whether the renderer checked the replaced fields alone or the whole body.
 */
class PatchedAnswerTest {
    /** Responses where the field check could pick the wrong schema, or must step aside. */
    private static final String EDGES = """
            openapi: 3.0.3
            info: {title: edges, version: "1"}
            paths:
              /ranged:
                get:
                  responses:
                    2xx:
                      description: a lower-case range, which covers 200 before default does
                      content:
                        application/json:
                          schema: {type: object, properties: {id: {type: string, pattern: "^a"}}}
                          example: {id: abc}
                    default:
                      description: looser
                      content:
                        application/json:
                          schema: {type: object, properties: {id: {type: string}}}
                          example: {id: abc}
              /declared-type:
                get:
                  responses:
                    "200":
                      description: a declared content-type header that names the stricter content
                      headers:
                        content-type: {schema: {type: string}, example: application/json}
                      content:
                        application/json:
                          schema: {type: object, properties: {id: {type: string, pattern: "^a"}}}
                          example: {id: abc}
                        application/vnd.loose+json:
                          schema: {type: object, properties: {id: {type: string}}}
                          example: {id: abc}
              /shapes:
                get:
                  responses:
                    "200":
                      description: nullable, writeOnly and a schema that is not plain
                      content:
                        application/json:
                          schema:
                            type: object
                            required: [id]
                            additionalProperties: false
                            properties:
                              id: {type: string, minLength: 3}
                              note: {type: string, nullable: true}
                              secret: {type: string, writeOnly: true}
                              count: {type: integer, minimum: 0}
                          example: {id: abc, note: null, count: 1}
                        application/problem+json:
                          schema:
                            type: object
                            minProperties: 2
                            properties: {id: {type: string}, code: {type: integer}}
                          example: {id: abc, code: 1}
            """;

    @Test
    void theBundledSpecsAnswersAreTheWholeChecksAnswers() {
        Compared compared = assertSameAnswers(SpecIndex.of(ApiSpec.bundled()));

        // The field-by-field path's conditions hold for many of these patches, so the comparison covers it.
        assertThat(compared.fieldwise()).isGreaterThan(100);
    }

    @Test
    void edgesOfTheSchemaChoiceAreTheWholeChecksAnswersToo(@TempDir Path dir) throws IOException {
        Path spec = Files.writeString(dir.resolve("edges.yaml"), EDGES);

        Compared compared = assertSameAnswers(SpecIndex.of(ApiSpec.load(spec)));

        assertThat(compared.answers()).isGreaterThan(100);
        assertThat(compared.fieldwise()).isPositive();
    }

    /** How many answers were compared, and for how many the renderer's field-by-field path applied. */
    private record Compared(int answers, int fieldwise) {
    }

    private static Compared assertSameAnswers(SpecIndex index) {
        ValidationSchemas schemas = new ValidationSchemas(index);
        AnswerRenderer renderer = new AnswerRenderer(new References(index.document().tree()), schemas);
        int compared = 0;
        int fieldwise = 0;
        for (Operation operation : index.operations()) {
            for (ResponseDefinition response : operation.responses()) {
                int status = response.code().chars().allMatch(Character::isDigit) ? Integer.parseInt(response.code())
                        : 200;
                for (Content content : response.contents()) {
                    for (Example example : content.examples()) {
                        JsonNode value = example.value().orElse(null);
                        if (value == null || !value.isObject()) {
                            continue;
                        }
                        for (Map<String, JsonNode> patch : FieldwiseCheckTest.patches((ObjectNode) value)) {
                            MockResponse patched = renderer.render(operation, chosen(status, response, content,
                                    value), Preferences.NONE, List.of(), Map.of(), patch);
                            MockResponse whole = renderer.render(operation, chosen(status, response, content,
                                    AnswerRenderer.patched((ObjectNode) value, patch)), Preferences.NONE, List.of(), Map.of(),
                                    Map.of());
                            String what = operation.id() + " " + response.code() + " " + content.mediaType() + " "
                                    + example.key() + " with " + patch;
                            assertThat(patched.status()).as(what).isEqualTo(whole.status());
                            assertThat(patched.headers()).as(what).isEqualTo(whole.headers());
                            assertThat(new String(patched.body())).as(what).isEqualTo(new String(whole.body()));
                            compared++;
                            if (patched.header("sl-violations").isEmpty() && ResponseValidator.bodyContent(
                                    operation, status, patched.headers())
                                    .filter(checked -> schemas.stillFits(checked, patch)).isPresent()) {
                                fieldwise++;
                            }
                        }
                    }
                }
            }
        }
        return new Compared(compared, fieldwise);
    }

    private static Selection.Chosen chosen(int status, ResponseDefinition response, Content content, JsonNode body) {
        return new Selection.Chosen(status, response, Optional.of(content.mediaType()),
                new BodyChoice.FromExample(body));
    }
}
