package io.github.paynetsavecard.mock.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import io.github.paynetsavecard.mock.engine.MockRequest;
import io.github.paynetsavecard.mock.engine.MockResponse;
import io.github.paynetsavecard.spec.OpenApiDocument;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The contract, browsable from the mock, in both modes: the spec it serves (as YAML and JSON), a reference page
 * rendered from it by Swagger UI (from the {@code org.webjars:swagger-ui} jar; nothing from a CDN) whose "Try it
 * out" calls this mock, and a health check naming the spec and the mode. Every path is under {@code /__paynet/},
 * which cannot collide with Paynet's. Other {@code /__paynet/} paths are left to Paynet mode's endpoints.
 */
final class ContractEndpoints {
    static final String OPENAPI_YAML = "/__paynet/openapi.yaml";
    static final String OPENAPI_JSON = "/__paynet/openapi.json";
    static final String DOCS = "/__paynet/docs";
    static final String HEALTH = "/__paynet/health";
    /** The page's own script and the Swagger UI files it loads, under {@value #DOCS}/. */
    private static final String DOCS_ASSETS = DOCS + "/";
    private static final String PAGE_SCRIPT = "docs.js";

    private static final String WEBJAR = "META-INF/resources/webjars/swagger-ui/";
    private static final String WEBJAR_POM = "META-INF/maven/org.webjars/swagger-ui/pom.properties";
    private static final String PAGE_SCRIPT_RESOURCE = "io/github/paynetsavecard/mock/docs.js";
    /** The Swagger UI files the page needs, with their content types; nothing else of the webjar is served. */
    private static final Map<String, String> ASSETS = Map.of(
            "swagger-ui.css", "text/css; charset=utf-8",
            "swagger-ui-bundle.js", "text/javascript; charset=utf-8",
            "favicon-32x32.png", "image/png",
            PAGE_SCRIPT, "text/javascript; charset=utf-8");
    /**
     * Scripts and styles from the mock only; "Try it out" may call the mock only ({@code connect-src 'self'}).
     * Swagger UI sets inline style attributes and draws some icons as data: images.
     */
    private static final String PAGE_POLICY = "default-src 'none'; script-src 'self'; style-src 'self' "
            + "'unsafe-inline'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'self'; "
            + "frame-ancestors 'none'";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String JSON_TYPE = "application/json; charset=utf-8";

    private final JsonNode tree;
    private final byte[] health;
    private final byte[] page;
    /** Written on first use, so that a server that nobody asks for its spec starts no slower. */
    private final Map<String, byte[]> written = new ConcurrentHashMap<>();

    ContractEndpoints(OpenApiDocument spec, String modeName) {
        this.tree = spec.tree();
        String title = tree.path("info").path("title").asText("");
        String version = tree.path("info").path("version").asText("");
        ObjectNode status = JSON.createObjectNode()
                .put("status", "up")
                .put("title", title)
                .put("version", version)
                .put("mode", modeName);
        this.health = write(status);
        this.page = page(title, version, modeName).getBytes(StandardCharsets.UTF_8);
    }

    /** The answer when {@code request} is for one of these paths, else empty. */
    Optional<MockResponse> answer(MockRequest request) {
        String path = request.path();
        boolean asset = path.startsWith(DOCS_ASSETS);
        if (!asset && !path.equals(OPENAPI_YAML) && !path.equals(OPENAPI_JSON) && !path.equals(DOCS)
                && !path.equals(HEALTH)) {
            return Optional.empty();
        }
        String method = request.method().toUpperCase(Locale.ROOT);
        if (!method.equals("GET") && !method.equals("HEAD")) {
            return Optional.of(HttpProblem.response(405, method + " is not allowed on " + path + "; use GET.",
                    Map.of("Allow", "GET, HEAD")));
        }
        if (!request.query().isEmpty()) {
            return Optional.of(HttpProblem.response(400, path + " takes no query parameters (got "
                    + String.join(", ", request.query().keySet()) + "); leave the query out.", Map.of()));
        }
        if (asset) {
            return Optional.of(asset(path.substring(DOCS_ASSETS.length())));
        }
        return Optional.of(switch (path) {
            case OPENAPI_YAML -> ok("application/yaml; charset=utf-8",
                    written.computeIfAbsent(OPENAPI_YAML, name -> yaml(tree)));
            case OPENAPI_JSON -> ok(JSON_TYPE, written.computeIfAbsent(OPENAPI_JSON, name -> write(tree)));
            case HEALTH -> ok(JSON_TYPE, health);
            default -> page();
        });
    }

    private MockResponse page() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "text/html; charset=utf-8");
        headers.put("Cache-Control", "no-store");
        headers.put("Content-Security-Policy", PAGE_POLICY);
        headers.put("X-Content-Type-Options", "nosniff");
        return new MockResponse(200, headers, page);
    }

    private MockResponse asset(String name) {
        String type = ASSETS.get(name);
        if (type == null) {
            return HttpProblem.response(404, "No file " + DOCS_ASSETS + name + ". The reference page is " + DOCS + "; it loads "
                    + String.join(", ", ASSETS.keySet().stream().sorted().toList()) + " from " + DOCS_ASSETS + ".",
                    Map.of());
        }
        byte[] bytes = written.computeIfAbsent(DOCS_ASSETS + name, file -> read(name.equals(PAGE_SCRIPT)
                ? PAGE_SCRIPT_RESOURCE : WEBJAR + swaggerUiVersion() + "/" + name));
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", type);
        headers.put("Cache-Control", "max-age=3600");
        headers.put("X-Content-Type-Options", "nosniff");
        return new MockResponse(200, headers, bytes);
    }

    private static MockResponse ok(String contentType, byte[] body) {
        return new MockResponse(200, Map.of("Content-Type", contentType, "Cache-Control", "no-store"), body);
    }

    /** The page: Swagger UI's files, then our script, which loads the spec and points "Try it out" here. */
    private static String page(String title, String version, String mode) {
        String heading = escape(title) + " " + escape(version);
        return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                + "<title>" + heading + " · Paynet mock</title>\n"
                + "<link rel=\"icon\" type=\"image/png\" href=\"" + DOCS_ASSETS + "favicon-32x32.png\">\n"
                + "<link rel=\"stylesheet\" href=\"" + DOCS_ASSETS + "swagger-ui.css\">\n</head>\n<body>\n"
                + "<noscript><p>The reference needs JavaScript. The spec itself: <a href=\"" + OPENAPI_YAML + "\">"
                + OPENAPI_YAML + "</a></p></noscript>\n"
                + "<div id=\"swagger-ui\" data-spec=\"" + OPENAPI_JSON + "\" data-mode=\"" + escape(mode)
                + "\"></div>\n"
                + "<script src=\"" + DOCS_ASSETS + "swagger-ui-bundle.js\"></script>\n"
                + "<script src=\"" + DOCS_ASSETS + PAGE_SCRIPT + "\"></script>\n</body>\n</html>\n";
    }

    /** The spec's title and version as HTML text: they are the spec author's, so never trusted as markup. */
    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /** The webjar's version, read from the jar itself so that the pom is the one place it is written. */
    private static String swaggerUiVersion() {
        Properties pom = new Properties();
        try (InputStream in = resource(WEBJAR_POM)) {
            pom.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return pom.getProperty("version");
    }

    private static byte[] read(String name) {
        try (InputStream in = resource(name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream resource(String name) {
        InputStream in = ContractEndpoints.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException("The mock's reference page needs " + name + " on the classpath (from "
                    + "org.webjars:swagger-ui, a dependency of paynet-mock-server); it is missing");
        }
        return in;
    }

    private static byte[] yaml(JsonNode tree) {
        try {
            return new ObjectMapper(YAMLFactory.builder()
                    .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                    .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                    .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
                    .build()).writeValueAsBytes(tree);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the spec as YAML", e);
        }
    }

    private static byte[] write(JsonNode node) {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write JSON", e);
        }
    }
}
