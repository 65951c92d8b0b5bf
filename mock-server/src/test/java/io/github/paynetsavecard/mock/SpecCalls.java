package io.github.paynetsavecard.mock;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.paynetsavecard.spec.ApiSpec;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Calls the running mock the way the tests need: valid save_card requests built from the spec's own examples
 * (never retyped here), and raw bytes on a socket for input no HTTP client would send.
 */
public final class SpecCalls {
    public static final String SAVE_CARD = "/v1/paynetj/save_card";
    public static final String TEST_KEY = "Basic sck_mock_test_key";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNode SPEC = ApiSpec.bundled().tree();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private SpecCalls() {
    }

    /** The value of a named request example of save_card, as JSON text. */
    public static String saveCardRequestExample(String name) {
        return SPEC.at("/paths/~1v1~1paynetj~1save_card/post/requestBody/content/application~1json/examples/"
                + name + "/value").toString();
    }

    /** The value of a named example of save_card's 200 response. */
    public static JsonNode saveCardResponseExample(String name) {
        return SPEC.at("/paths/~1v1~1paynetj~1save_card/post/responses/200/content/application~1json/examples/"
                + name + "/value");
    }

    public static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The bundled spec copied to a file, for the APIs that take a path. */
    public static Path bundledSpecFile(Path directory) throws IOException {
        Path file = directory.resolve("openapi.yaml");
        try (InputStream in = SpecCalls.class.getClassLoader().getResourceAsStream(ApiSpec.RESOURCE)) {
            Files.write(file, in.readAllBytes());
        }
        return file;
    }

    /** A valid save_card call (the spec's {@code withDescription} example, with a key). */
    public static HttpResponse<String> validSaveCard(String baseUrl) {
        return send(saveCard(baseUrl).POST(HttpRequest.BodyPublishers.ofString(saveCardRequestExample("withDescription"))));
    }

    public static HttpRequest.Builder saveCard(String baseUrl) {
        return HttpRequest.newBuilder(URI.create(baseUrl + SAVE_CARD))
                .timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/json")
                .header("Authorization", TEST_KEY);
    }

    public static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Writes {@code request} on a fresh connection and returns everything the server sends back. */
    public static String raw(int port, byte[] request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            OutputStream out = socket.getOutputStream();
            try {
                out.write(request);
                out.flush();
            } catch (IOException serverStoppedReading) {
                // the server may answer and close before reading everything; its answer is still there
            }
            return readUntilClosed(socket).received();
        }
    }

    /** How a raw exchange ended: the bytes that arrived, and whether the connection was reset. */
    public record Ending(String received, boolean reset) {
    }

    /** Reads what the server sends on {@code socket} until it closes the connection or resets it. */
    public static Ending readUntilClosed(Socket socket) throws IOException {
        socket.setSoTimeout(20_000);
        ByteArrayOutputStream answer = new ByteArrayOutputStream();
        InputStream in = socket.getInputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int read; (read = in.read(buffer)) >= 0; ) {
                answer.write(buffer, 0, read);
            }
        } catch (SocketException reset) {
            return new Ending(answer.toString(StandardCharsets.ISO_8859_1), true);
        }
        return new Ending(answer.toString(StandardCharsets.ISO_8859_1), false);
    }

    /** The status code of a raw HTTP/1.1 answer ("HTTP/1.1 431 ..." -> 431). */
    public static int status(String rawAnswer) {
        return Integer.parseInt(rawAnswer.substring(rawAnswer.indexOf(' ') + 1, rawAnswer.indexOf(' ') + 4));
    }
}
