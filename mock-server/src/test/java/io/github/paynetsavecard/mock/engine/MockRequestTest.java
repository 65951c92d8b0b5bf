package io.github.paynetsavecard.mock.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Header lookup ignores case whatever map the request was built with. */
class MockRequestTest {
    @Test
    void findsAHeaderInAnyCaseInAMapThatComparesWithCase() {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("content-type", List.of("application/json"));
        headers.put("X-Trace", List.of("a", "b"));
        MockRequest request = new MockRequest("POST", "/", Map.of(), headers, null);

        assertThat(request.header("Content-Type")).contains("application/json");
        assertThat(request.headerValues("x-trace")).containsExactly("a", "b");
        assertThat(request.headerValues("Origin")).isEmpty();
    }

    @Test
    void findsAHeaderInAnyCaseInACaseInsensitiveSortedMap() {
        TreeMap<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.put("Content-Type", List.of("application/json"));
        MockRequest request = new MockRequest("POST", "/", Map.of(), Collections.unmodifiableSortedMap(headers),
                null);

        assertThat(request.header("CONTENT-TYPE")).contains("application/json");
        assertThat(request.headerValues("Origin")).isEmpty();
    }

    @Test
    void aCaseInsensitiveSortedMapIsNotScannedForAnAbsentHeader() {
        TreeMap<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER) {
            @Override
            public java.util.Set<Map.Entry<String, List<String>>> entrySet() {
                throw new AssertionError("scanned every header for one the map's own lookup did not find");
            }
        };
        headers.put("Content-Type", List.of("application/json"));
        MockRequest request = new MockRequest("POST", "/", Map.of(), Collections.unmodifiableSortedMap(headers),
                null);

        assertThat(request.headerValues("Origin")).isEmpty();
        assertThat(request.header("content-type")).contains("application/json");
    }

    @Test
    void aSortedMapInAnotherOrderIsStillSearchedIgnoringCase() {
        TreeMap<String, List<String>> headers = new TreeMap<>();
        headers.put("Content-Type", List.of("application/json"));
        MockRequest request = new MockRequest("POST", "/", Map.of(), headers, null);

        assertThat(request.header("content-type")).contains("application/json");
    }
}
