package io.github.paynetsavecard.mock;

import static org.assertj.core.api.Assertions.assertThat;

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
}
