package io.github.paynetsavecard.mock.server;

import static io.github.paynetsavecard.mock.SpecCalls.json;
import static io.github.paynetsavecard.mock.SpecCalls.send;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.github.paynetsavecard.mock.BothModes;
import io.github.paynetsavecard.mock.PaynetMockServer.Mode;
import io.github.paynetsavecard.mock.PaynetMockServer;
import io.github.paynetsavecard.mock.SpecCalls;
import io.github.paynetsavecard.spec.ApiSpec;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The contract from the mock: the spec as YAML and JSON, the reference page, the health check; in both modes. */
class ContractEndpointsTest {
    private static final BothModes MODES = new BothModes();
    private static final JsonNode BUNDLED = ApiSpec.bundled().tree();

    @AfterAll
    static void stop() {
        MODES.close();
    }

    private static HttpResponse<String> get(PaynetMockServer mock, String path) {
        return send(HttpRequest.newBuilder(URI.create(mock.baseUrl() + path)));
    }

    private static JsonNode yaml(String text) throws IOException {
        return new ObjectMapper(new YAMLFactory()).readTree(text);
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void servesTheSpecItServesAsYamlAndAsJson(Mode mode) throws IOException {
        HttpResponse<String> asYaml = get(MODES.in(mode), "/__paynet/openapi.yaml");
        HttpResponse<String> asJson = get(MODES.in(mode), "/__paynet/openapi.json");

        assertThat(asYaml.statusCode()).isEqualTo(200);
        assertThat(asYaml.headers().firstValue("Content-Type")).hasValue("application/yaml; charset=utf-8");
        assertThat(yaml(asYaml.body())).isEqualTo(BUNDLED);
        assertThat(asJson.statusCode()).isEqualTo(200);
        assertThat(asJson.headers().firstValue("Content-Type")).hasValue("application/json; charset=utf-8");
        assertThat(json(asJson.body())).isEqualTo(BUNDLED);
    }

    @Test
    void servesASpecGivenAsAFileRatherThanTheBundledOne(@TempDir Path directory) throws IOException {
        Path file = SpecCalls.bundledSpecFile(directory);
        String title = BUNDLED.at("/info/title").asText();
        Files.writeString(file, Files.readString(file).replace("title: " + title, "title: A merchant's copy"));

        try (PaynetMockServer mock = PaynetMockServer.builder().spec(file).mode(Mode.PRISM).build().start()) {
            assertThat(yaml(get(mock, "/__paynet/openapi.yaml").body()).at("/info/title").asText())
                    .isEqualTo("A merchant's copy");
            assertThat(json(get(mock, "/__paynet/health").body()).path("title").asText())
                    .isEqualTo("A merchant's copy");
        }
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void healthNamesTheSpecItsVersionAndTheMode(Mode mode) {
        HttpResponse<String> health = get(MODES.in(mode), "/__paynet/health");

        assertThat(health.statusCode()).isEqualTo(200);
        JsonNode body = json(health.body());
        assertThat(body.path("status").asText()).isEqualTo("up");
        assertThat(body.path("title").asText()).isEqualTo(BUNDLED.at("/info/title").asText());
        assertThat(body.path("version").asText()).isEqualTo(BUNDLED.at("/info/version").asText());
        assertThat(body.path("mode").asText()).isEqualTo(mode.name().toLowerCase(Locale.ROOT));
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void theReferencePageLoadsSwaggerUiFromTheMockItself(Mode mode) {
        HttpResponse<String> page = get(MODES.in(mode), "/__paynet/docs");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(policy ->
                assertThat(policy).contains("script-src 'self'", "connect-src 'self'"));
        assertThat(page.body()).contains("<title>" + BUNDLED.at("/info/title").asText())
                .contains("src=\"/__paynet/docs/swagger-ui-bundle.js\"", "src=\"/__paynet/docs/docs.js\"",
                        "data-spec=\"/__paynet/openapi.json\"")
                .doesNotContain("https://");
        HttpResponse<String> bundle = get(MODES.in(mode), "/__paynet/docs/swagger-ui-bundle.js");
        assertThat(bundle.statusCode()).isEqualTo(200);
        assertThat(bundle.headers().firstValue("Content-Type")).hasValue("text/javascript; charset=utf-8");
        assertThat(bundle.body()).contains("SwaggerUIBundle");
        assertThat(get(MODES.in(mode), "/__paynet/docs/swagger-ui.css").headers().firstValue("Content-Type"))
                .hasValue("text/css; charset=utf-8");
        assertThat(get(MODES.in(mode), "/__paynet/docs/docs.js").body()).contains("window.location.origin");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/__paynet/docs/index.html", "/__paynet/docs/swagger-ui-bundle.js.map", "/__paynet/docs/"})
    void onlyThePagesOwnFilesAreServedUnderDocs(String path) {
        HttpResponse<String> answer = get(MODES.in(Mode.PRISM), path);

        assertThat(answer.statusCode()).isEqualTo(404);
        assertThat(json(answer.body()).path("detail").asText()).contains("swagger-ui-bundle.js", "/__paynet/docs");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/__paynet/openapi.yaml", "/__paynet/openapi.json", "/__paynet/docs", "/__paynet/health"})
    void anotherMethodGets405NamingGet(String path) {
        HttpResponse<String> answer = send(HttpRequest.newBuilder(URI.create(MODES.in(Mode.PAYNET).baseUrl() + path))
                .POST(HttpRequest.BodyPublishers.ofString("{}")));

        assertThat(answer.statusCode()).isEqualTo(405);
        assertThat(answer.headers().firstValue("Allow")).hasValue("GET, HEAD");
        assertThat(json(answer.body()).path("detail").asText()).contains("use GET");
    }

    @Test
    void aQueryIsRefusedWithTheFix() {
        HttpResponse<String> answer = get(MODES.in(Mode.PRISM), "/__paynet/openapi.yaml?format=json");

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(json(answer.body()).path("detail").asText()).contains("no query parameters", "format");
    }

    @Test
    void paynetModesOwnEndpointsStillAnswerBesideThem() {
        assertThat(send(HttpRequest.newBuilder(URI.create(MODES.in(Mode.PAYNET).baseUrl() + "/__paynet/reset"))
                .POST(HttpRequest.BodyPublishers.noBody())).statusCode()).isEqualTo(204);
    }
}
