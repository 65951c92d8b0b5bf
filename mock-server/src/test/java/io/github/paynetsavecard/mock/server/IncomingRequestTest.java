package io.github.paynetsavecard.mock.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.http.ImmutableRequest;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import io.github.paynetsavecard.mock.engine.MockRequest;
import java.nio.charset.StandardCharsets;
import java.util.SortedMap;
import org.junit.jupiter.api.Test;

/** WireMock's view of a request becomes the engine's with the headers in a map that compares names ignoring case. */
class IncomingRequestTest {
    @Test
    void handsTheEngineACaseInsensitiveSortedHeaderMap() {
        MockRequest request = IncomingRequest.from(ImmutableRequest.create()
                .withAbsoluteUrl("http://mock/v1/paynetj/save_card?a=1&a=2")
                .withMethod(RequestMethod.POST)
                .withHeader("Content-Type", "application/json")
                .withHeader("X-Trace", "t1")
                .withBody("{}".getBytes(StandardCharsets.UTF_8))
                .build());

        // MockRequest.headerValues skips its scan for other spellings only for such a map.
        assertThat(request.headers()).isInstanceOf(SortedMap.class);
        assertThat(((SortedMap<String, ?>) request.headers()).comparator()).isSameAs(String.CASE_INSENSITIVE_ORDER);
        assertThat(request.header("content-type")).contains("application/json");
        assertThat(request.headerValues("x-trace")).containsExactly("t1");
        assertThat(request.path()).isEqualTo("/v1/paynetj/save_card");
        assertThat(request.query().get("a")).containsExactly("1", "2");
    }
}
