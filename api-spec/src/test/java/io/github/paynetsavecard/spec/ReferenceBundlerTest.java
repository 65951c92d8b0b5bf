package io.github.paynetsavecard.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A spec split across files reads like one document: every reference in the tree is local. */
class ReferenceBundlerTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private Path mainSpec(String schemaRef) throws Exception {
        return Files.writeString(dir.resolve("openapi.yaml"), """
                openapi: 3.0.3
                info: {title: pets, version: '1'}
                paths:
                  /pets:
                    post:
                      operationId: addPet
                      requestBody:
                        required: true
                        content:
                          application/json:
                            schema: {$ref: '%s'}
                      responses:
                        '201': {description: created}
                components:
                  schemas:
                    Local: {type: string}
                """.formatted(schemaRef));
    }

    @Test
    void bringsAReferencedFileIntoTheTreeAndValidatesThroughIt() throws Exception {
        Files.createDirectories(dir.resolve("defs"));
        Files.writeString(dir.resolve("defs/pet.yaml"), """
                components:
                  schemas:
                    Pet:
                      type: object
                      required: [name]
                      properties:
                        name: {type: string}
                        tag: {$ref: '#/components/schemas/Tag'}
                        owner: {$ref: 'people.yaml#/Owner'}
                    Tag: {type: string, maxLength: 3}
                """);
        Files.writeString(dir.resolve("defs/people.yaml"), "Owner: {type: integer}\n");

        OpenApiDocument spec = ApiSpec.load(mainSpec("defs/pet.yaml#/components/schemas/Pet"));

        JsonNode schema = spec.tree().at("/paths/~1pets/post/requestBody/content/application~1json/schema");
        assertThat(schema.path("$ref").asText())
                .isEqualTo("#/components/x-bundled/defs~1pet.yaml/components/schemas/Pet");
        assertThat(references(spec.tree())).allSatisfy(ref -> assertThat(ref).startsWith("#/"));
        assertThat(spec.tree().at("/components/schemas/Local/type").asText()).isEqualTo("string");

        SchemaValidator validator = SchemaValidator.of(spec);
        assertThat(validator.validate(schema, JSON.readTree("{\"name\":\"rex\",\"tag\":\"ab\",\"owner\":7}"))).isEmpty();
        assertThat(validator.validate(schema, JSON.readTree("{\"tag\":\"abcd\",\"owner\":\"x\"}")))
                .extracting(SchemaViolation::keyword)
                .containsExactlyInAnyOrder("required", "maxLength", "type");
    }

    @Test
    void keepsRecursiveSchemasAcrossFilesFinite() throws Exception {
        Files.writeString(dir.resolve("tree.yaml"), """
                Node:
                  type: object
                  properties:
                    children: {type: array, items: {$ref: '#/Node'}}
                """);

        OpenApiDocument spec = ApiSpec.load(mainSpec("tree.yaml#/Node"));

        JsonNode schema = spec.tree().at("/paths/~1pets/post/requestBody/content/application~1json/schema");
        assertThat(SchemaValidator.of(spec).validate(schema,
                JSON.readTree("{\"children\":[{\"children\":[{\"children\":5}]}]}")))
                .extracting(SchemaViolation::keyword).containsExactly("type");
    }

    @Test
    void leavesASingleFileSpecAsWritten() throws Exception {
        Path spec = mainSpec("#/components/schemas/Local");

        assertThat(ApiSpec.load(spec).tree()).isEqualTo(new ObjectMapper(
                new com.fasterxml.jackson.dataformat.yaml.YAMLFactory()).readTree(spec.toFile()));
    }

    @Test
    void namesTheReferenceThatPointsToAMissingFileOrPlace() throws Exception {
        Files.writeString(dir.resolve("pet.yaml"), "Pet: {type: object}\n");

        assertThatThrownBy(() -> ApiSpec.load(mainSpec("nope.yaml#/Pet")))
                .isInstanceOf(InvalidSpecException.class)
                .hasMessageContaining("nope.yaml");
        assertThatThrownBy(() -> ApiSpec.load(mainSpec("pet.yaml#/Dog")))
                .isInstanceOf(InvalidSpecException.class)
                .hasMessageContaining("'pet.yaml#/Dog' points to nothing");
    }

    @Test
    void refusesRemoteReferencesWithTheReason() {
        assertThatThrownBy(() -> ReferenceBundler.bundle("spec", JSON.readTree(
                "{\"a\":{\"$ref\":\"https://example.com/pet.yaml#/Pet\"}}"), dir.resolve("openapi.yaml").toUri()))
                .isInstanceOf(InvalidSpecException.class)
                .hasMessageContaining("a: $ref 'https://example.com/pet.yaml#/Pet' points outside the local files");
    }

    private static java.util.List<String> references(JsonNode node) {
        java.util.List<String> refs = new java.util.ArrayList<>();
        if (node.isObject() && node.has("$ref")) {
            refs.add(node.get("$ref").asText());
        }
        node.forEach(child -> refs.addAll(references(child)));
        return refs;
    }
}
