package io.github.paynetsavecard.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApiSpecTest {
    @TempDir
    Path dir;

    @Test
    void bundledSpecIsTheSameDocumentAsTheFileInTheModule() throws Exception {
        OpenApiDocument bundled = ApiSpec.bundled();
        OpenApiDocument file = ApiSpec.load(Path.of("openapi.yaml"));

        assertThat(bundled.tree()).isEqualTo(file.tree());
        assertThat(bundled.model().getPaths()).containsKey("/v1/paynetj/save_card");
    }

    @Test
    void resolvesAnExternalReferenceRelativeToTheFileNotTheWorkingDirectory() throws Exception {
        Files.writeString(dir.resolve("schemas.yaml"), "Thing:\n  type: object\n  properties:\n    name: {type: string}\n");
        Path spec = Files.writeString(dir.resolve("openapi.yaml"), "openapi: 3.0.3\ninfo: {title: x, version: '1'}\n"
                + "paths:\n  /things:\n    get:\n      operationId: getThing\n      responses:\n        '200':\n"
                + "          description: ok\n          content:\n            application/json:\n"
                + "              schema: {$ref: 'schemas.yaml#/Thing'}\n");

        OpenApiDocument document = ApiSpec.load(spec);

        assertThat(document.model().getComponents().getSchemas()).containsKey("Thing");
    }

    @Test
    void missingFileIsReportedWithItsName() {
        Path missing = dir.resolve("nope.yaml");

        assertThatThrownBy(() -> ApiSpec.load(missing))
                .isInstanceOf(InvalidSpecException.class)
                .hasMessageContaining(missing.toString())
                .hasMessageContaining("no such file");
    }

    @Test
    void textThatIsNotYamlIsReportedWithTheLine() throws Exception {
        Path broken = Files.writeString(dir.resolve("broken.yaml"), "openapi: 3.0.3\npaths: [\n  {\n");

        assertThatThrownBy(() -> ApiSpec.load(broken))
                .isInstanceOf(InvalidSpecException.class)
                .hasMessageContaining(broken.toString())
                .hasMessageContaining("not YAML or JSON");
    }

    @Test
    void swaggerTwoDocumentsAreRefusedWithTheReason() throws Exception {
        Path swagger = Files.writeString(dir.resolve("swagger.yaml"), "swagger: '2.0'\ninfo: {title: x, version: '1'}\npaths: {}\n");

        assertThatThrownBy(() -> ApiSpec.load(swagger)).hasMessageContaining("not an OpenAPI 3 document");
    }

    @Test
    void invalidOpenApiListsTheParsersProblems() throws Exception {
        Path invalid = Files.writeString(dir.resolve("invalid.yaml"),
                "openapi: 3.0.3\ninfo: {title: x}\npaths:\n  /a:\n    get:\n      responses: 7\n");

        assertThatThrownBy(() -> ApiSpec.load(invalid))
                .isInstanceOfSatisfying(InvalidSpecException.class, e -> {
                    assertThat(e.source()).isEqualTo(invalid.toString());
                    assertThat(e.problems()).anySatisfy(p -> assertThat(p).contains("version"));
                });
    }
}
