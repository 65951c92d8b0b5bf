package io.github.paynetsavecard.mock.engine;

import static io.github.paynetsavecard.mock.engine.EngineCall.body;
import static io.github.paynetsavecard.mock.engine.EngineCall.engine;
import static io.github.paynetsavecard.mock.engine.EngineCall.request;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.paynetsavecard.spec.ApiSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A spec whose schemas and examples live in a second file is served and validated like a single file. */
class SplitSpecTest {
    @TempDir
    Path dir;
    private MockEngine engine;

    @BeforeEach
    void serveATwoFileSpec() throws Exception {
        Files.writeString(dir.resolve("schemas.yaml"), """
                Pet:
                  type: object
                  required: [name]
                  additionalProperties: false
                  properties:
                    id: {type: integer, readOnly: true}
                    name: {type: string, minLength: 1}
                PetExample:
                  value: {id: 7, name: rex}
                """);
        Path spec = Files.writeString(dir.resolve("openapi.yaml"), """
                openapi: 3.0.3
                info: {title: pets, version: '1'}
                paths:
                  /pets:
                    post:
                      requestBody:
                        required: true
                        content:
                          application/json:
                            schema: {$ref: 'schemas.yaml#/Pet'}
                      responses:
                        '201':
                          description: created
                          content:
                            application/json:
                              schema: {$ref: 'schemas.yaml#/Pet'}
                              examples:
                                rex: {$ref: 'schemas.yaml#/PetExample'}
                """);
        engine = engine(ApiSpec.load(spec));
    }

    @Test
    void answersAValidRequestWithTheExampleFromTheOtherFile() {
        MockResponse response = request("POST", "/pets").json("{\"name\":\"rex\"}").sendTo(engine);

        assertThat(response.status()).isEqualTo(201);
        assertThat(body(response).path("name").asText()).isEqualTo("rex");
        assertThat(response.header("sl-violations")).isEmpty();
    }

    @Test
    void rejectsAnInvalidRequestAgainstTheSchemaFromTheOtherFile() {
        MockResponse response = request("POST", "/pets").json("{\"name\":\"\",\"extra\":1}").sendTo(engine);

        assertThat(response.status()).isEqualTo(422);
        assertThat(body(response).path("validation").toString())
                .contains("minLength").contains("additionalProperties");
    }
}
