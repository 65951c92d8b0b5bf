package io.github.paynetsavecard.mock;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RequestRecorderTest {
    private static ReceivedRequest request(String path, int bodyBytes) {
        return new ReceivedRequest("POST", path, Map.of(), Map.of(), new byte[bodyBytes]);
    }

    private static List<String> paths(RequestRecorder recorder) {
        return recorder.snapshot().stream().map(ReceivedRequest::path).toList();
    }

    @Test
    void keepsTheNewestRequestsUpToTheLimit() {
        RequestRecorder recorder = new RequestRecorder(2, null);

        recorder.record(request("/1", 0));
        recorder.record(request("/2", 0));
        recorder.record(request("/3", 0));

        assertThat(paths(recorder)).containsExactly("/2", "/3");
    }

    @Test
    void dropsTheOldestWhileTheBodiesAddUpToMoreThanTheBudget() {
        RequestRecorder recorder = new RequestRecorder(100, 10, null);

        recorder.record(request("/1", 4));
        recorder.record(request("/2", 4));
        recorder.record(request("/3", 4));

        assertThat(paths(recorder)).containsExactly("/2", "/3");
    }

    @Test
    void alwaysKeepsTheNewestRequestEvenOverTheBudget() {
        RequestRecorder recorder = new RequestRecorder(100, 10, null);

        recorder.record(request("/small", 1));
        recorder.record(request("/big", 11));

        assertThat(paths(recorder)).containsExactly("/big");
    }

    @Test
    void clearingAlsoFreesTheBudget() {
        RequestRecorder recorder = new RequestRecorder(100, 10, null);
        recorder.record(request("/1", 8));

        recorder.clear();
        recorder.record(request("/2", 5));
        recorder.record(request("/3", 5));

        assertThat(paths(recorder)).containsExactly("/2", "/3");
    }

    @Test
    void aPrintedRequestShowsNeitherTheKeyNorAFullPhoneNumber() {
        ReceivedRequest request = new ReceivedRequest("POST", "/v1/paynetj/save_card", Map.of(),
                Map.of("Authorization", List.of("Basic sck_secret"), "Proxy-Authorization", List.of("Basic p")),
                "{\"session_id\":\"js_1\",\"user_gsm\":\"5321234567\"}".getBytes(StandardCharsets.UTF_8));

        assertThat(request.toString()).contains("POST /v1/paynetj/save_card", "\"user_gsm\":\"********67\"",
                "Authorization: <hidden>", "Proxy-Authorization: <hidden>")
                .doesNotContain("sck_secret", "5321234567", "Basic p");
        assertThat(request.bodyAsString()).contains("5321234567");
    }
}
