package io.github.paynetsavecard.mock.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.paynetsavecard.mock.PaynetMockServer;
import io.github.paynetsavecard.mock.engine.EngineOptions;
import io.github.paynetsavecard.mock.engine.MockEngine;
import io.github.paynetsavecard.mock.engine.MockRequest;
import io.github.paynetsavecard.mock.engine.MockResponse;
import io.github.paynetsavecard.mock.paynet.PaynetMode;
import io.github.paynetsavecard.mock.paynet.PaynetSettings;
import io.github.paynetsavecard.spec.ApiSpec;
import io.github.paynetsavecard.spec.OpenApiDocument;
import io.github.paynetsavecard.spec.index.SpecIndex;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Fuzzes the mock's request handling in both modes, in-process and wired as {@link PaynetMockServer} wires it
 * ({@link MockHttpServer#answers}): the contract's pages, in Paynet mode its {@code /__paynet/} endpoints, then the
 * engine (with Paynet mode's rule in Paynet mode). Requests are read as the server reads them
 * ({@code IncomingRequest}). Method, path, query, headers and body bytes all come from the input.
 *
 * <p>A finding: an exception out of the handling (the engine documents that it never throws), a 5xx other than a
 * 5xx the spec declares and the request asked for with {@code Prefer} or {@code __code}, or an input slower than the
 * timeout.
 *
 * <p>Input format (so that the committed inputs stay readable): an optional first line {@code prism} or
 * {@code paynet} (the default), then one or more requests separated by a line {@code %%}, each a request line
 * ({@code METHOD TARGET}), header lines ({@code Name: value}), an empty line and the body bytes. In Paynet mode
 * every input starts with the sessions forgotten and one new session; {@code {session}} anywhere in a request stands
 * for its id, so that one input can walk Auth, save_card, the hosted page and charge.
 */
class RequestHandlingFuzzTest {
    private static final OpenApiDocument SPEC = ApiSpec.bundled();
    private static final Set<Integer> DECLARED_SERVER_ERRORS = declaredServerErrors(SPEC);
    private static final SpecIndex INDEX = SpecIndex.of(SPEC);
    private static final MockEngine PRISM = MockEngine.create(INDEX, EngineOptions.defaults().withCors(true));
    private static final PaynetMode PAYNET = PaynetMode.create(INDEX, new PaynetSettings(false, Optional.empty(),
            PaynetSettings.DEFAULT_SESSION_LIFETIME, 64, PaynetSettings.defaults().expiredSession(),
            Clock.fixed(Instant.parse("2026-12-01T09:00:00Z"), ZoneOffset.UTC)));
    private static final MockEngine PAYNET_ENGINE = MockEngine.create(INDEX,
            EngineOptions.defaults().withCors(true).withRequestRules(List.of(PAYNET.requestRule())));
    /** Wired as the server wires them: the contract's pages, Paynet mode's own endpoints, then the engine. */
    private static final SpecAnswer PAYNET_ANSWERS = MockHttpServer.answers(SPEC, "paynet", PAYNET_ENGINE,
            PAYNET::answerMockOnly);
    private static final SpecAnswer PRISM_ANSWERS = MockHttpServer.answers(SPEC, "prism", PRISM,
            request -> Optional.empty());
    private static final byte[] SEPARATOR = "\n%%\n".getBytes(StandardCharsets.ISO_8859_1);
    private static final int MAX_REQUESTS_PER_INPUT = 8;

    @FuzzTest
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    // libFuzzer's dictionary syntax: \xNN for a byte, \\ for a backslash.
    @DictionaryEntries({"POST ", "GET ", "OPTIONS ", "HEAD ", "PUT ", "/v1/paynetj/save_card", "/v1/paynetj/auth",
            "/v1/transaction/charge", "/__paynet/hosted-page", "/__paynet/hosted-page.css", "/__paynet/session",
            "/__paynet/reset", "?session_id={session}", "{session}", "\\x0A%%\\x0A", "prism\\x0A",
            "Content-Type: application/json\\x0A", "Content-Type: application/x-www-form-urlencoded\\x0A",
            "Authorization: Basic k\\x0A", "Prefer: code=500\\x0A", "Prefer: example=", "Prefer: dynamic=true\\x0A",
            "Accept: ", "Origin: http://x\\x0A", "Access-Control-Request-Method: POST\\x0A", "__code=", "__example=",
            "{\"session_id\":\"{session}\"", ",\"card_desc\":\"", ",\"user_gsm\":\"5321234567\"", "\"amount\":1000",
            ",\"token_id\":\"t\",\"transaction_type\":1", "\"save_card\":true", "\"user_unique_id\":\"U\"",
            "session_id={session}&card_desc=k&agreement=accepted&action=save", "action=decline", "charset=",
            "\\\\ud800", "1e999", "[[[[", "\\x00"})
    void answersEveryRequestWithoutAServerError(byte[] input) {
        answer(input);
    }

    /** The harness itself: a committed flow reaches charge, and the card named on the page is stored. */
    @Test
    void theHostedPageFlowInputWalksASessionToACharge() throws Exception {
        List<MockResponse> answers = answer(Files.readAllBytes(Path.of("src/test/resources/io/github/paynetsavecard"
                + "/mock/server/RequestHandlingFuzzTestInputs/answersEveryRequestWithoutAServerError/paynet-hosted-page-flow")));

        assertThat(answers).extracting(MockResponse::status).containsExactly(200, 200, 200, 200, 200, 200, 400);
        assertThat(answers.get(4).bodyText()).contains("\"code\":0").contains("\"is_save_card_succeed\":true");
        assertThat(answers.get(5).bodyText()).contains("\"code\":100");
    }

    /** Answers each request of {@code input} as the server would, checking each answer. */
    private static List<MockResponse> answer(byte[] input) {
        int start = 0;
        boolean paynet = true;
        if (startsWith(input, "prism\n")) {
            paynet = false;
            start = 6;
        } else if (startsWith(input, "paynet\n")) {
            start = 7;
        }
        String session = "js_fuzz";
        if (paynet) {
            PAYNET.reset();
            session = PAYNET.createSession();
        }
        List<MockResponse> answers = new ArrayList<>();
        while (start <= input.length && answers.size() < MAX_REQUESTS_PER_INPUT) {
            int end = indexOf(input, SEPARATOR, start);
            byte[] part = Arrays.copyOfRange(input, start, end < 0 ? input.length : end);
            MockRequest request = request(part, session);
            MockResponse response = (paynet ? PAYNET_ANSWERS : PRISM_ANSWERS).answer(request);
            assertNoServerError(request, response);
            answers.add(response);
            if (end < 0) {
                break;
            }
            start = end + SEPARATOR.length;
        }
        return answers;
    }

    private static void assertNoServerError(MockRequest request, MockResponse response) {
        if (response.status() < 500) {
            return;
        }
        boolean asked = !request.headerValues("Prefer").isEmpty() || request.query().containsKey("__code")
                || request.query().containsKey("__example");
        assertThat(asked && DECLARED_SERVER_ERRORS.contains(response.status())
                && !response.bodyText().contains("errors#UNKNOWN"))
                .as("a %d the spec does not declare or the request did not ask for, to %s: %s",
                        response.status(), request, response.bodyText())
                .isTrue();
    }

    /** One request in the input's format; never fails, as the server's glue never fails on odd input. */
    static MockRequest request(byte[] part, String session) {
        int headEnd = indexOf(part, "\n\n".getBytes(StandardCharsets.ISO_8859_1), 0);
        String head = new String(part, 0, headEnd < 0 ? part.length : headEnd, StandardCharsets.UTF_8)
                .replace("{session}", session);
        byte[] body = headEnd < 0 ? new byte[0] : Arrays.copyOfRange(part, headEnd + 2, part.length);
        body = new String(body, StandardCharsets.ISO_8859_1).replace("{session}", session)
                .getBytes(StandardCharsets.ISO_8859_1);
        String[] lines = head.split("\n", -1);
        String requestLine = lines[0];
        int space = requestLine.indexOf(' ');
        String method = space < 0 ? requestLine : requestLine.substring(0, space);
        String target = space < 0 ? "/" : requestLine.substring(space + 1);
        int queryStart = target.indexOf('?');
        String path = queryStart < 0 ? target : target.substring(0, queryStart);
        String query = queryStart < 0 ? "" : target.substring(queryStart + 1);
        SortedMap<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon <= 0) {
                continue;
            }
            headers.computeIfAbsent(lines[i].substring(0, colon).trim(), name -> new ArrayList<>())
                    .add(lines[i].substring(colon + 1).trim());
        }
        return IncomingRequest.of(method.isEmpty() ? "GET" : method, path, query, headers, body);
    }

    private static Set<Integer> declaredServerErrors(OpenApiDocument spec) {
        Set<Integer> statuses = new TreeSet<>();
        spec.tree().path("paths").forEach(path -> path.forEach(operation -> operation.path("responses")
                .fieldNames().forEachRemaining(status -> {
                    if (status.matches("5\\d\\d")) {
                        statuses.add(Integer.parseInt(status));
                    }
                })));
        return statuses;
    }

    private static boolean startsWith(byte[] input, String prefix) {
        byte[] bytes = prefix.getBytes(StandardCharsets.ISO_8859_1);
        return input.length >= bytes.length && Arrays.equals(input, 0, bytes.length, bytes, 0, bytes.length);
    }

    private static int indexOf(byte[] input, byte[] token, int from) {
        outer:
        for (int i = from; i <= input.length - token.length; i++) {
            for (int j = 0; j < token.length; j++) {
                if (input[i + j] != token[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
