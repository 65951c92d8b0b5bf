package io.github.paynetsavecard.spec;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.oas.models.media.StringSchema;
import java.util.List;
import org.junit.jupiter.api.Test;

class SchemaValidatorTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final OpenApiDocument spec = ApiSpec.bundled();
    private final SchemaValidator validator = SchemaValidator.of(spec);
    private final JsonNode saveCardRequest = spec.tree().at("/components/schemas/SaveCardRequest");
    private final JsonNode requestBodySchema = spec.tree()
            .at("/paths/~1v1~1paynetj~1save_card/post/requestBody/content/application~1json/schema");

    private JsonNode requestExample(String name) {
        return spec.tree().at("/paths/~1v1~1paynetj~1save_card/post/requestBody/content/application~1json/examples/"
                + name + "/value");
    }

    @Test
    void acceptsTheSpecsOwnRequestExamplesThroughTheComponentReference() {
        for (String name : List.of("withDescription", "hostedPage", "withGsmForOtp")) {
            assertThat(validator.validate(requestBodySchema, requestExample(name))).as(name).isEmpty();
        }
    }

    @Test
    void reportsAMissingRequiredPropertyAtTheParentLikeAjv() throws Exception {
        List<SchemaViolation> violations = validator.validate(saveCardRequest, JSON.readTree("{\"card_desc\":\"x\"}"));

        assertThat(violations).singleElement().satisfies(v -> {
            assertThat(v.keyword()).isEqualTo("required");
            assertThat(v.path()).isEmpty();
            assertThat(v.message()).isEqualTo("must have required property 'session_id'");
        });
    }

    @Test
    void reportsAPatternViolationAtThePropertyWithThePattern() {
        ObjectNode body = (ObjectNode) requestExample("withGsmForOtp").deepCopy();
        body.put("user_gsm", "05321234567");

        List<SchemaViolation> violations = validator.validate(requestBodySchema, body);

        assertThat(violations).singleElement().satisfies(v -> {
            assertThat(v.keyword()).isEqualTo("pattern");
            assertThat(v.path()).containsExactly("user_gsm");
            assertThat(v.pointer()).isEqualTo("/user_gsm");
            assertThat(v.message()).contains(saveCardRequest.at("/properties/user_gsm/pattern").asText());
        });
    }

    @Test
    void reportsEveryViolationNotOnlyTheFirst() throws Exception {
        List<SchemaViolation> violations = validator.validate(saveCardRequest,
                JSON.readTree("{\"session_id\":\"\",\"card_desc\":7,\"user_gsm\":\"x\"}"));

        assertThat(violations).extracting(SchemaViolation::keyword)
                .containsExactlyInAnyOrder("minLength", "type", "pattern");
        assertThat(violations).filteredOn(v -> v.keyword().equals("type"))
                .singleElement().satisfies(v -> assertThat(v.message()).isEqualTo("must be string"));
    }

    @Test
    void honoursOpenApiNullable() throws Exception {
        JsonNode response = spec.tree().at("/components/schemas/SaveCardResponse");

        assertThat(validator.validate(response, JSON.readTree("{\"code\":0,\"message\":\"ok\",\"object_name\":null}")))
                .isEmpty();
        assertThat(validator.validate(response, JSON.readTree("{\"code\":0,\"message\":null}")))
                .extracting(SchemaViolation::keyword).containsExactly("type");
    }

    @Test
    void rejectsAStringCodeBecauseTheSpecSaysInteger() throws Exception {
        JsonNode response = spec.tree().at("/components/schemas/SaveCardResponse");

        assertThat(validator.validate(response, JSON.readTree("{\"code\":\"0\",\"message\":\"ok\"}")))
                .singleElement().satisfies(v -> {
                    assertThat(v.path()).containsExactly("code");
                    assertThat(v.keyword()).isEqualTo("type");
                });
    }

    @Test
    void compilesManyModelSchemasWithoutARecursiveUpdateOfItsCache() throws Exception {
        JsonNode number = JSON.readTree("7");

        for (int i = 0; i < 300; i++) {
            assertThat(validator.validate(new StringSchema().description("schema " + i), number))
                    .extracting(SchemaViolation::keyword).containsExactly("type");
        }
    }

    @Test
    void validatesSwaggerModelSchemasTheSameWayAsTreeSchemas() throws Exception {
        var modelSchema = spec.model().getComponents().getSchemas().get("SaveCardRequest");
        JsonNode invalid = JSON.readTree("{\"user_gsm\":\"123\"}");

        assertThat(validator.validate(modelSchema, invalid)).extracting(SchemaViolation::keyword)
                .containsExactlyInAnyOrderElementsOf(
                        validator.validate(saveCardRequest, invalid).stream().map(SchemaViolation::keyword).toList());
    }
}
