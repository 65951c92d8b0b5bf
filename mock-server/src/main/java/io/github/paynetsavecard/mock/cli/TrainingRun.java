package io.github.paynetsavecard.mock.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.paynetsavecard.mock.PaynetMockServer;
import io.github.paynetsavecard.spec.ApiSpec;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The build's training run for the launcher's AppCDS archive ({@code mock-server/target/paynet-mock.jsa}): runs the
 * command as {@code java -jar} would, in each mode, and sends it every JSON request example of the bundled spec plus
 * an invalid body, so that the classes of start-up, validation, selection and rendering are loaded once. Prism mode
 * serves the bundled spec, Paynet mode a copy of it in a file: a given file is checked by swagger-parser at load,
 * the bundled spec is not, and both starts are to find their classes archived. One request per round asks for a
 * fault, which WireMock answers, so that WireMock's own request path is archived too. The JVM runs with
 * {@code -XX:ArchiveClassesAtExit}, which writes the classes it loaded when this returns. Not for users.
 */
final class TrainingRun {
    /** A syntactically valid HTTP Basic credential; the mock only checks that one is present. */
    private static final String CREDENTIAL = "Basic dHJhaW5pbmc6cnVu";
    private static final int ROUNDS = 20;

    private TrainingRun() {
    }

    public static void main(String[] args) throws IOException {
        List<Call> calls = calls(ApiSpec.bundled().tree());
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);
        Path specFile = Files.createTempFile("paynet-mock-training", ".yaml");
        try {
            try (InputStream bundled = TrainingRun.class.getClassLoader().getResourceAsStream(ApiSpec.RESOURCE)) {
                Files.write(specFile, bundled.readAllBytes());
            }
            run(quiet, calls, "--port", "0", "--mode", "prism");
            run(quiet, calls, "--port", "0", "--mode", "paynet", "--spec", specFile.toString());
        } finally {
            Files.deleteIfExists(specFile);
        }
        System.out.println("paynet-mock training run: " + calls.size() + " requests x " + ROUNDS + " in each mode");
    }

    private static void run(PrintStream quiet, List<Call> calls, String... arguments) {
        int exit = PaynetMockCommand.execute(quiet, System.err, server -> train(server, calls), arguments);
        if (exit != 0) {
            throw new IllegalStateException("The training run " + String.join(" ", arguments) + " exited with " + exit);
        }
    }

    /** {@code fault}: the value of the mock's fault header, or null for none. */
    private record Call(String method, String path, byte[] body, String fault) {
    }

    private static void train(PaynetMockServer server, List<Call> calls) {
        for (int round = 0; round < ROUNDS; round++) {
            for (Call call : calls) {
                send(server.baseUrl(), call);
            }
        }
    }

    /** Every JSON request example of every operation, and the same operation with a body that is not valid. */
    private static List<Call> calls(JsonNode spec) {
        List<Call> calls = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = spec.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> operation = ops.next();
                String method = operation.getKey().toUpperCase(java.util.Locale.ROOT);
                JsonNode examples = resolve(spec, resolve(spec, operation.getValue().path("requestBody"))
                        .path("content").path("application/json").path("examples"));
                for (JsonNode example : examples) {
                    JsonNode value = resolve(spec, example).path("value");
                    if (!value.isMissingNode()) {
                        calls.add(new Call(method, path.getKey(), value.toString().getBytes(StandardCharsets.UTF_8),
                                null));
                    }
                }
                calls.add(new Call(method, path.getKey(), "{\"\":[]}".getBytes(StandardCharsets.UTF_8), null));
                calls.add(new Call(method, path.getKey(), "{}".getBytes(StandardCharsets.UTF_8), "html502"));
            }
        }
        return calls;
    }

    private static JsonNode resolve(JsonNode spec, JsonNode node) {
        JsonNode ref = node.path("$ref");
        return ref.isTextual() && ref.asText().startsWith("#") ? spec.at(ref.asText().substring(1)) : node;
    }

    private static void send(String baseUrl, Call call) {
        try {
            HttpURLConnection connection = (HttpURLConnection) URI.create(baseUrl + call.path()).toURL().openConnection();
            connection.setRequestMethod(call.method());
            connection.setRequestProperty("Content-Type", "application/json");
            connection.setRequestProperty("Authorization", CREDENTIAL);
            if (call.fault() != null) {
                connection.setRequestProperty(PaynetMockServer.FAULT_HEADER, call.fault());
            }
            connection.setDoOutput(true);
            try (OutputStream body = connection.getOutputStream()) {
                body.write(call.body());
            }
            int status = connection.getResponseCode();
            try (InputStream answer = status < 400 ? connection.getInputStream() : connection.getErrorStream()) {
                if (answer != null) {
                    answer.transferTo(new ByteArrayOutputStream());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("The training request " + call.method() + " " + call.path() + " failed", e);
        }
    }
}
