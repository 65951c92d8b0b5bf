package io.github.paynetsavecard.mock;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static io.github.paynetsavecard.mock.SpecCalls.SAVE_CARD;
import static io.github.paynetsavecard.mock.SpecCalls.TEST_KEY;
import static io.github.paynetsavecard.mock.SpecCalls.raw;
import static io.github.paynetsavecard.mock.SpecCalls.saveCardRequestExample;
import static io.github.paynetsavecard.mock.SpecCalls.validSaveCard;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.global.GlobalSettings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/**
 * The spec's answers ahead of WireMock (the server package's {@code SpecShortcut}) are the answers WireMock gives,
 * byte for byte, and WireMock takes over whenever it has something to add: a stub, a global delay, a request listener,
 * a fault.
 */
class SpecShortcutTest {

    /** Requests of every kind the engine tells apart, plus some the shortcut leaves to WireMock. */
    private static Map<String, String> requests(String body) {
        Map<String, String> requests = new LinkedHashMap<>();
        requests.put("valid save_card", post(SAVE_CARD, "application/json", body, TEST_KEY));
        requests.put("chunked save_card", chunked(SAVE_CARD, body, TEST_KEY));
        requests.put("trailing slash", post(SAVE_CARD + "/", "application/json", body, TEST_KEY));
        requests.put("invalid body", post(SAVE_CARD, "application/json", "{\"card_desc\":\"\"}", TEST_KEY));
        requests.put("not JSON", post(SAVE_CARD, "application/json", "{", TEST_KEY));
        requests.put("no key", post(SAVE_CARD, "application/json", body, null));
        requests.put("wrong content type", post(SAVE_CARD, "text/plain", body, TEST_KEY));
        requests.put("Latin-1 charset", post(SAVE_CARD, "application/json; charset=ISO-8859-1", body, TEST_KEY));
        requests.put("form body", post(SAVE_CARD, "application/x-www-form-urlencoded", "a=%zz", TEST_KEY));
        requests.put("unknown path", post("/v1/nothing/here", "application/json", body, TEST_KEY));
        requests.put("escaped path", post("/v1/paynetj/save%5Fcard", "application/json", body, TEST_KEY));
        requests.put("dot segment", post("/v1/paynetj/../paynetj/save_card", "application/json", body, TEST_KEY));
        requests.put("wrong method", "GET " + SAVE_CARD + " HTTP/1.1\r\nHost: mock\r\nAuthorization: " + TEST_KEY
                + "\r\nConnection: close\r\n\r\n");
        requests.put("HEAD", "HEAD " + SAVE_CARD + " HTTP/1.1\r\nHost: mock\r\nConnection: close\r\n\r\n");
        requests.put("CORS preflight", "OPTIONS " + SAVE_CARD + " HTTP/1.1\r\nHost: mock\r\nOrigin: https://shop"
                + "\r\nAccess-Control-Request-Method: POST\r\nConnection: close\r\n\r\n");
        requests.put("Prefer an example", post(SAVE_CARD, "application/json", body, TEST_KEY)
                .replace("Connection: close", "Prefer: code=400\r\nConnection: close"));
        requests.put("query string", post(SAVE_CARD + "?a=1&b=%zz&c", "application/json", body, TEST_KEY));
        requests.put("health", "GET /__paynet/health HTTP/1.1\r\nHost: mock\r\nConnection: close\r\n\r\n");
        return requests;
    }

    private static String post(String path, String contentType, String body, String key) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return "POST " + path + " HTTP/1.1\r\nHost: mock\r\nContent-Type: " + contentType + "\r\n"
                + (key == null ? "" : "Authorization: " + key + "\r\n")
                + "Content-Length: " + bytes.length + "\r\nConnection: close\r\n\r\n" + body;
    }

    /** A body without Content-Length, in two chunks: the shortcut reads it to the end instead of by its length. */
    private static String chunked(String path, String body, String key) {
        int half = body.length() / 2;
        return "POST " + path + " HTTP/1.1\r\nHost: mock\r\nContent-Type: application/json\r\nAuthorization: " + key
                + "\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
                + chunk(body.substring(0, half)) + chunk(body.substring(half)) + "0\r\n\r\n";
    }

    private static String chunk(String part) {
        return Integer.toHexString(part.getBytes(StandardCharsets.UTF_8).length) + "\r\n" + part + "\r\n";
    }

    @ParameterizedTest
    @EnumSource(PaynetMockServer.Mode.class)
    void answersEveryRequestExactlyAsWireMockDoes(PaynetMockServer.Mode mode) throws IOException {
        try (PaynetMockServer mock = PaynetMockServer.builder().mode(mode).build().start()) {
            Map<String, String> requests = requests(saveCardRequestExample("withDescription"));

            List<String> leftToWireMock = new ArrayList<>();
            List<String> ahead = new ArrayList<>();
            for (Map.Entry<String, String> request : requests.entrySet()) {
                long before = mock.answeredAheadOfWireMock();
                ahead.add(answer(mock, request.getValue()));
                if (mock.answeredAheadOfWireMock() == before) {
                    leftToWireMock.add(request.getKey());
                }
            }
            // The requests WireMock reads its own way go to WireMock even with no stub; every other one goes ahead.
            assertThat(leftToWireMock)
                    .containsExactly("Latin-1 charset", "form body", "escaped path", "dot segment");

            // A stub that matches none of these requests is enough to send every request through WireMock.
            mock.wireMock().stubFor(get("/only/for/this/test").willReturn(aResponse().withStatus(418)));
            long answeredAhead = mock.answeredAheadOfWireMock();
            List<String> throughWireMock = new ArrayList<>();
            for (String request : requests.values()) {
                throughWireMock.add(answer(mock, request));
            }
            assertThat(mock.answeredAheadOfWireMock()).as("answered ahead once the stub was there")
                    .isEqualTo(answeredAhead);
            List<String> names = new ArrayList<>(requests.keySet());
            assertThat(ahead.get(names.indexOf("chunked save_card"))).as("the same body, chunked")
                    .isEqualTo(ahead.get(names.indexOf("valid save_card")));
            for (int i = 0; i < names.size(); i++) {
                assertThat(ahead.get(i)).as(names.get(i)).isEqualTo(throughWireMock.get(i));
            }
        }
    }

    private static String answer(PaynetMockServer mock, String request) throws IOException {
        // The Date header is the only part that may differ between two answers a second apart.
        return raw(mock.port(), request.getBytes(StandardCharsets.UTF_8)).replaceAll("(?m)^Date: .*\r\n", "");
    }

    @Test
    void theShortcutOpensAgainWhenTheTestsStubsAreRemoved() {
        try (PaynetMockServer mock = PaynetMockServer.builder().mode(PaynetMockServer.Mode.PRISM).build().start()) {
            mock.wireMock().stubFor(get("/only/for/this/test").willReturn(aResponse().withStatus(418)));
            assertThat(validSaveCard(mock.baseUrl()).statusCode()).isEqualTo(200);
            assertThat(mock.answeredAheadOfWireMock()).isZero();

            mock.resetStubs();

            assertThat(validSaveCard(mock.baseUrl()).statusCode()).isEqualTo(200);
            assertThat(mock.answeredAheadOfWireMock()).isEqualTo(1);
        }
    }

    @Test
    void aGlobalDelayOfWireMockDelaysTheSpecsAnswers() {
        try (PaynetMockServer mock = PaynetMockServer.builder().mode(PaynetMockServer.Mode.PRISM).build().start()) {
            mock.wireMock().setGlobalFixedDelay(400);
            long start = System.nanoTime();

            assertThat(validSaveCard(mock.baseUrl()).statusCode()).isEqualTo(200);

            assertThat((System.nanoTime() - start) / 1_000_000).isGreaterThanOrEqualTo(400);
            assertThat(mock.answeredAheadOfWireMock()).isZero();
            mock.wireMock().updateGlobalSettings(GlobalSettings.defaults());
            assertThat(validSaveCard(mock.baseUrl()).statusCode()).isEqualTo(200);
            assertThat(mock.answeredAheadOfWireMock()).isEqualTo(1);
        }
    }

    @Test
    @SuppressWarnings("deprecation")
    void aWireMockRequestListenerSeesTheSpecsAnswers() {
        try (PaynetMockServer mock = PaynetMockServer.builder().mode(PaynetMockServer.Mode.PRISM).build().start()) {
            List<Integer> heard = new CopyOnWriteArrayList<>();
            mock.wireMock().addMockServiceRequestListener((request, response) -> heard.add(response.getStatus()));

            assertThat(validSaveCard(mock.baseUrl()).statusCode()).isEqualTo(200);

            assertThat(heard).containsExactly(200);
            assertThat(mock.answeredAheadOfWireMock()).isZero();
        }
    }

    @Test
    void aFaultHeaderIsLeftToWireMocksFaults() throws IOException {
        try (PaynetMockServer mock = PaynetMockServer.builder().mode(PaynetMockServer.Mode.PRISM).build().start()) {
            String request = post(SAVE_CARD, "application/json", saveCardRequestExample("withDescription"), TEST_KEY)
                    .replace("Connection: close", PaynetMockServer.FAULT_HEADER + ": html502\r\nConnection: close");

            String answer = raw(mock.port(), request.getBytes(StandardCharsets.UTF_8));

            assertThat(SpecCalls.status(answer)).isEqualTo(502);
            assertThat(mock.answeredAheadOfWireMock()).isZero();
        }
    }
}
