package io.github.paynetsavecard.mock.engine;

import io.github.paynetsavecard.spec.index.MediaType;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Reads a request body as Prism's HTTP layer does before anything else: a JSON media type is parsed (an unknown
 * charset is {@code invalid_body}, bad JSON is {@code invalid_json}, both 400), any other body is text. Invalid
 * bytes in the charset become U+FFFD, as in Node. Unlike Prism, JSON nested deeper than a limit is also
 * {@code invalid_json} rather than a crash.
 */
final class BodyReader {
    private final ObjectMapper mapper;
    private final int maxDepth;

    /** A reader that refuses JSON nested deeper than {@code maxDepth}. */
    public BodyReader(int maxDepth) {
        this.maxDepth = maxDepth;
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(maxDepth).build())
                .build();
        this.mapper = new ObjectMapper(factory).enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    /** The body of {@code request}. */
    public RequestBody read(MockRequest request) {
        byte[] bytes = request.body();
        if (bytes.length == 0) {
            return new RequestBody.Absent();
        }
        Optional<MediaType> mediaType = request.header("Content-Type").flatMap(MediaType::parse);
        Optional<Charset> charset = charset(mediaType);
        if (charset.isEmpty()) {
            return new RequestBody.Unreadable("invalid_body", "Invalid body");
        }
        String text = new String(bytes, charset.get());
        if (mediaType.isEmpty() || !mediaType.get().isJson()) {
            return new RequestBody.Text(text);
        }
        try {
            JsonNode value = mapper.readTree(text);
            return value == null || value.isMissingNode() ? new RequestBody.Unreadable("invalid_json", "Invalid JSON")
                    : new RequestBody.Json(value);
        } catch (StreamConstraintsException tooDeep) {
            return new RequestBody.Unreadable("invalid_json",
                    "Invalid JSON: nested deeper than " + maxDepth + " levels");
        } catch (IOException | RuntimeException malformed) {
            return new RequestBody.Unreadable("invalid_json", "Invalid JSON");
        }
    }

    private static Optional<Charset> charset(Optional<MediaType> mediaType) {
        String name = mediaType.map(type -> type.parameters().get("charset")).orElse(null);
        if (name == null) {
            return Optional.of(StandardCharsets.UTF_8);
        }
        try {
            return Optional.of(Charset.forName(name));
        } catch (RuntimeException unknown) {
            return Optional.empty();
        }
    }
}
