package io.github.paynetsavecard.spec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Loads the save_card contract, or any other OpenAPI 3 document, into an {@link OpenApiDocument}.
 *
 * <pre>{@code
 * OpenApiDocument spec = ApiSpec.bundled();                       // the spec packaged in this jar
 * OpenApiDocument other = ApiSpec.load(Path.of("my-openapi.yaml")); // any file; InvalidSpecException if unusable
 * }</pre>
 */
public final class ApiSpec {
    /** Where the packaged spec lives on the classpath. Every module reads this one file. */
    public static final String RESOURCE = "META-INF/paynet-save-card/openapi.yaml";

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private ApiSpec() {
    }

    /**
     * The save_card spec packaged in this jar. It passed swagger-parser's checks and the lint when this project was
     * built, so they are not run again here: its swagger-parser model is parsed when first asked for
     * ({@link OpenApiDocument#model()}), which keeps a quarter of a second out of every mock's first start.
     *
     * @return the parsed spec, read from {@link #RESOURCE}, a new instance on each call
     * @throws InvalidSpecException when the resource is not on the classpath, is not YAML, or is not an OpenAPI 3
     *                              object
     * @throws java.io.UncheckedIOException when the resource cannot be read
     */
    public static OpenApiDocument bundled() {
        ClassLoader loader = ApiSpec.class.getClassLoader();
        try (InputStream in = loader.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new InvalidSpecException("classpath:" + RESOURCE,
                        List.of("not on the classpath; is paynet-save-card-api-spec a dependency?"));
            }
            String source = "classpath:" + RESOURCE;
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return new OpenApiDocument(source, tree(source, text, null), () -> model(source, text, null));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read classpath:" + RESOURCE, e);
        }
    }

    /**
     * Loads an OpenAPI 3 document from a YAML or JSON file.
     *
     * @param file the document, not null; external {@code $ref}s in it are resolved relative to its directory
     * @return the parsed document, its {@link OpenApiDocument#source()} being {@code file} as given
     * @throws InvalidSpecException naming the file and every problem, when the file is missing, unreadable,
     *                              not YAML/JSON or not valid OpenAPI 3
     */
    public static OpenApiDocument load(Path file) {
        Objects.requireNonNull(file, "file == null");
        String source = file.toString();
        if (!Files.exists(file)) {
            throw new InvalidSpecException(source, List.of("no such file"));
        }
        if (!Files.isRegularFile(file)) {
            throw new InvalidSpecException(source, List.of("not a regular file"));
        }
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InvalidSpecException(source, List.of("cannot be read: " + e.getMessage()));
        }
        // External $refs are relative to the file, not to the working directory.
        return parse(source, text, file.toAbsolutePath().toUri().toString());
    }

    /**
     * Parses a document given as text; {@code source} names it in messages. External {@code $ref}s are resolved
     * relative to the working directory; {@link #load} resolves them relative to the file.
     *
     * @param source what to call the document in messages (a file name, a URL), not null
     * @param text   the document as YAML or JSON, not null
     * @return the parsed document
     * @throws InvalidSpecException naming {@code source} and every problem, when the text is not YAML/JSON or not
     *                              valid OpenAPI 3
     */
    public static OpenApiDocument parse(String source, String text) {
        return parse(source, text, null);
    }

    private static OpenApiDocument parse(String source, String text, String location) {
        Objects.requireNonNull(source, "source == null");
        Objects.requireNonNull(text, "text == null");
        JsonNode tree = tree(source, text, location);
        return new OpenApiDocument(source, model(source, text, location), tree);
    }

    /** The document as Jackson nodes, the files its external references reach bundled in. */
    private static JsonNode tree(String source, String text, String location) {
        JsonNode tree;
        try {
            tree = YAML.readTree(text);
        } catch (JsonProcessingException e) {
            throw new InvalidSpecException(source, List.of("not YAML or JSON: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")")));
        }
        if (tree == null || !tree.isObject()) {
            throw new InvalidSpecException(source, List.of("not an OpenAPI document (expected a YAML/JSON object)"));
        }
        if (!tree.path("openapi").asText().startsWith("3.")) {
            throw new InvalidSpecException(source,
                    List.of("not an OpenAPI 3 document: the `openapi: 3.x` field is missing (Swagger 2 is not supported)"));
        }
        // Every reader of the tree follows local references only: bring the files it refers to into it.
        return ReferenceBundler.bundle(source, tree, location == null ? null : URI.create(location));
    }

    /** swagger-parser's model, or every problem it found. */
    private static OpenAPI model(String source, String text, String location) {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult result = location == null
                ? new OpenAPIV3Parser().readContents(text, null, options)
                : new OpenAPIV3Parser().readContents(text, null, options, location);
        List<String> problems = new ArrayList<>();
        if (result.getMessages() != null) {
            problems.addAll(result.getMessages());
        }
        if (result.getOpenAPI() == null && problems.isEmpty()) {
            problems.add("swagger-parser could not read it");
        }
        if (!problems.isEmpty()) {
            throw new InvalidSpecException(source, problems);
        }
        return result.getOpenAPI();
    }
}
