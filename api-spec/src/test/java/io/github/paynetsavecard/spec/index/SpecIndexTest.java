package io.github.paynetsavecard.spec.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.paynetsavecard.spec.ApiSpec;
import org.junit.jupiter.api.Test;

/** The one model of the spec that the lint, the mock, the conformance suite and the gate read. */
class SpecIndexTest {
    private static final SpecIndex PETS = SpecIndex.of(ApiSpec.parse("pets", """
            openapi: 3.0.3
            info: {title: pets, version: '1'}
            x-owner: team-a
            paths:
              /pets/{id}:
                parameters:
                  - {name: id, in: path, required: true, schema: {type: integer}}
                get:
                  operationId: getPet
                  x-note: {kind: demo}
                  parameters:
                    - {name: X-Trace, in: header, schema: {type: string}}
                  responses:
                    '200':
                      description: ok
                      content:
                        application/vnd.pet+json:
                          schema: {type: object, example: {name: rex}}
                          examples:
                            tom: {value: {name: tom}}
                    4XX:
                      description: bad
                delete:
                  responses:
                    '204': {description: gone}
            components:
              schemas:
                Pet: {type: object, properties: {name: {type: string}}}
            """));

    @Test
    void listsOperationsWithTheirIdsOrMethodAndPath() {
        assertThat(PETS.operations()).extracting(Operation::id).containsExactly("getPet", "DELETE /pets/{id}");
        assertThat(PETS.operationsOn("/pets/{id}")).hasSize(2);
        assertThatThrownBy(() -> PETS.requireOperation("addPet"))
                .hasMessageContaining("No operation addPet").hasMessageContaining("getPet");
    }

    @Test
    void readsParametersFromThePathItemAndTheOperation() {
        Operation get = PETS.requireOperation("getPet");

        assertThat(get.pathParameters().parameters()).extracting(Parameter::name).containsExactly("id");
        assertThat(get.headers().parameters()).extracting(Parameter::name).containsExactly("x-trace");
    }

    @Test
    void namesThePlainExampleDefaultAndListsItFirst() {
        Content content = PETS.requireOperation("getPet").response("200").orElseThrow().contents().get(0);

        assertThat(content.examples()).extracting(Example::key).containsExactly("default", "tom");
        assertThat(content.type()).hasValueSatisfying(type -> assertThat(type.isJson()).isTrue());
        assertThat(content.validator()).isPresent();
    }

    @Test
    void findsTheResponseForAStatusByCodeRangeOrDefault() {
        Operation get = PETS.requireOperation("getPet");

        assertThat(get.responseFor(200)).map(ResponseDefinition::code).hasValue("200");
        assertThat(get.responseFor(404)).map(ResponseDefinition::code).hasValue("4XX");
        assertThat(get.responseFor(500)).isEmpty();
    }

    @Test
    void keepsVendorExtensionsOfTheDocumentAndOfEachOperation() {
        assertThat(PETS.extension("x-owner")).hasValueSatisfying(value -> assertThat(value.asText()).isEqualTo("team-a"));
        assertThat(PETS.requireOperation("getPet").extension("x-note"))
                .hasValueSatisfying(value -> assertThat(value.path("kind").asText()).isEqualTo("demo"));
        assertThat(PETS.requireOperation("DELETE /pets/{id}").extension("x-note")).isEmpty();
    }
}
