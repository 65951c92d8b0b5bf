package io.github.paynetsavecard.mock;

import static io.github.paynetsavecard.mock.SpecCalls.SAVE_CARD;
import static io.github.paynetsavecard.mock.SpecCalls.TEST_KEY;
import static io.github.paynetsavecard.mock.SpecCalls.json;
import static io.github.paynetsavecard.mock.SpecCalls.raw;
import static io.github.paynetsavecard.mock.SpecCalls.saveCard;
import static io.github.paynetsavecard.mock.SpecCalls.saveCardRequestExample;
import static io.github.paynetsavecard.mock.SpecCalls.send;
import static io.github.paynetsavecard.mock.SpecCalls.status;
import static io.github.paynetsavecard.mock.SpecCalls.validSaveCard;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Bad input gets a clear 4xx, never a 500, and the next ordinary request is served normally. */
class RobustnessTest {
    private static final int TEN_MB = 10 * 1024 * 1024;

    private static PaynetMockServer mock;

    @BeforeAll
    static void start() {
        mock = PaynetMockServer.builder().mode(PaynetMockServer.Mode.PRISM).build().start();
    }

    @AfterAll
    static void stop() {
        mock.close();
    }

    @AfterEach
    void theNextOrdinaryRequestIsServed() {
        assertThat(validSaveCard(mock.baseUrl()).statusCode()).isEqualTo(200);
    }

    private static HttpResponse<String> postBody(byte[] body, String contentType) {
        return send(saveCard(mock.baseUrl()).setHeader("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    private static HttpResponse<String> postJson(String body) {
        return postBody(body.getBytes(StandardCharsets.UTF_8), "application/json");
    }

    private static void assertClientError(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isBetween(400, 499);
        assertThat(response.body()).isNotBlank();
    }

    @Test
    void anEmptyBodyGetsAClientError() {
        assertClientError(postJson(""));
    }

    @Test
    void truncatedJsonGetsAClientError() {
        String valid = saveCardRequestExample("withDescription");

        assertClientError(postJson(valid.substring(0, valid.length() / 2)));
    }

    @Test
    void aTenMegabyteBodyGets413WithAProblem() {
        byte[] body = new byte[TEN_MB];
        Arrays.fill(body, (byte) 'a');

        HttpResponse<String> response = postBody(body, "application/json");

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
        assertThat(json(response.body()).get("detail").asText())
                .contains(String.valueOf(PaynetMockServer.DEFAULT_MAX_REQUEST_BODY_BYTES));
    }

    @Test
    void aChunkedBodyOverTheLimitGets413() throws IOException {
        int size = 2 * PaynetMockServer.DEFAULT_MAX_REQUEST_BODY_BYTES;
        ByteArrayOutputStream request = new ByteArrayOutputStream();
        request.writeBytes(("POST " + SAVE_CARD + " HTTP/1.1\r\nHost: mock\r\nAuthorization: " + TEST_KEY
                + "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        byte[] chunk = new byte[64 * 1024];
        Arrays.fill(chunk, (byte) ' ');
        for (int sent = 0; sent < size; sent += chunk.length) {
            request.writeBytes((Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            request.writeBytes(chunk);
            request.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        request.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));

        String answer = raw(mock.port(), request.toByteArray());

        assertThat(status(answer)).isEqualTo(413);
        assertThat(answer).contains("application/problem+json");
    }

    @Test
    void aClientWaitingFor100ContinueGets413WithoutSendingTheBody() throws IOException {
        String answer = raw(mock.port(), ("POST " + SAVE_CARD + " HTTP/1.1\r\nHost: mock\r\nAuthorization: " + TEST_KEY
                + "\r\nContent-Type: application/json\r\nContent-Length: " + TEN_MB
                + "\r\nExpect: 100-continue\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));

        assertThat(status(answer)).isEqualTo(413);
        assertThat(answer).doesNotContain("100 Continue");
    }

    @Test
    void aBodyJustUnderTheLimitReachesTheEngine() {
        String valid = saveCardRequestExample("withDescription");
        String padded = valid + " ".repeat(PaynetMockServer.DEFAULT_MAX_REQUEST_BODY_BYTES - valid.length());

        assertThat(postJson(padded).statusCode()).isEqualTo(200);
    }

    /** Invalid bytes become U+FFFD, as in Node (Prism's runtime); the point here is: no failure. */
    @Test
    void bytesThatAreNotUtf8NeverGetA500() {
        byte[] latin1 = saveCardRequestExample("withDescription").replace("onur ozdemir", "Öz\u00e7elik")
                .getBytes(StandardCharsets.ISO_8859_1);

        HttpResponse<String> response = postBody(latin1, "application/json; charset=utf-8");

        assertThat(response.statusCode()).as(response.body()).isLessThan(500);
    }

    @Test
    void anUnknownCharsetGetsAClientError() {
        assertClientError(postBody(saveCardRequestExample("withDescription").getBytes(StandardCharsets.UTF_8),
                "application/json; charset=no-such-charset"));
    }

    @Test
    void deeplyNestedJsonGetsAClientError() {
        int depth = 100_000;
        String nested = "{\"session_id\":\"js_x\",\"deep\":" + "[".repeat(depth) + "]".repeat(depth) + "}";

        assertClientError(postJson(nested));
    }

    @Test
    void aGzipBodyGets415InsteadOfBeingInflated() throws IOException {
        ByteArrayOutputStream zipped = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(zipped)) {
            gzip.write(new byte[50 * 1024 * 1024]); // 50 MB of zeros, about 50 KB compressed
        }

        HttpResponse<String> response = postBody(zipped.toByteArray(), "application/json");

        assertThat(response.statusCode()).isEqualTo(415);
    }

    @Test
    void manyHeadersGet431() throws IOException {
        StringBuilder headers = new StringBuilder();
        for (int i = 0; i < 2000; i++) {
            headers.append("X-Flood-").append(i).append(": ").append("v".repeat(20)).append("\r\n");
        }

        String answer = raw(mock.port(), ("GET " + SAVE_CARD + " HTTP/1.1\r\nHost: mock\r\n" + headers + "\r\n")
                .getBytes(StandardCharsets.US_ASCII));

        assertThat(status(answer)).isEqualTo(431);
        assertThat(answer).contains("application/problem+json");
    }

    @Test
    void oneHugeHeaderGets431() throws IOException {
        String answer = raw(mock.port(), ("GET " + SAVE_CARD + " HTTP/1.1\r\nHost: mock\r\nX-Huge: "
                + "h".repeat(100_000) + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));

        assertThat(status(answer)).isEqualTo(431);
    }

    @Test
    void aMalformedRequestLineGets400() throws IOException {
        String answer = raw(mock.port(), "THIS IS NOT HTTP\r\n\r\n".getBytes(StandardCharsets.US_ASCII));

        assertThat(status(answer)).isEqualTo(400);
        assertThat(answer).contains("application/problem+json");
    }

    @Test
    void aMalformedQueryEscapeNeverGetsA500() throws IOException {
        byte[] body = saveCardRequestExample("withDescription").getBytes(StandardCharsets.UTF_8);
        String answer = raw(mock.port(), ("POST " + SAVE_CARD + "?__code=%zz&x=% HTTP/1.1\r\nHost: mock\r\n"
                + "Authorization: " + TEST_KEY + "\r\nContent-Type: application/json\r\nConnection: close\r\n"
                + "Content-Length: " + body.length + "\r\n\r\n" + new String(body, StandardCharsets.ISO_8859_1))
                .getBytes(StandardCharsets.ISO_8859_1));

        assertThat(status(answer)).as(answer).isLessThan(500);
        assertThat(mock.receivedRequests()).last().satisfies(received ->
                assertThat(received.query()).containsEntry("__code", List.of("%zz")).containsEntry("x", List.of("%")));
    }

    @Test
    void aMalformedPathEscapeGetsAClientError() throws IOException {
        String answer = raw(mock.port(), "GET /v1/%zz/save_card HTTP/1.1\r\nHost: mock\r\nConnection: close\r\n\r\n"
                .getBytes(StandardCharsets.US_ASCII));

        assertThat(status(answer)).as(answer).isBetween(400, 499);
    }

    @Test
    void aMalformedFormBodyGets400() {
        HttpResponse<String> response = postBody("a=%zz&b=%".getBytes(StandardCharsets.US_ASCII),
                "application/x-www-form-urlencoded");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response.body()).get("detail").asText()).contains("%zz");
    }

    @Test
    void aFormBodyInAnUnknownCharsetGets400() {
        assertThat(postBody("a=1".getBytes(StandardCharsets.US_ASCII),
                "application/x-www-form-urlencoded; charset=no-such-charset").statusCode()).isEqualTo(400);
    }

    @Test
    void aMalformedMultipartBodyGetsAClientError() {
        HttpResponse<String> response = postBody("--b\r\nbroken".getBytes(StandardCharsets.US_ASCII),
                "multipart/form-data; boundary=b");

        assertClientError(response);
    }
}
