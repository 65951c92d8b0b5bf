package io.github.paynetsavecard.mock.junit;

import static io.github.paynetsavecard.mock.SpecCalls.validSaveCard;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.paynetsavecard.mock.PaynetMockServer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.extension.RegisterExtension;

/** In an instance field, the extension runs one server per test. */
class PerTestExtensionTest {
    private static final List<PaynetMockServer> SEEN = new ArrayList<>();

    @RegisterExtension
    PaynetMockExtension mock = PaynetMockExtension.builder().build();

    @RepeatedTest(2)
    void eachTestGetsItsOwnServerWithItsOwnSessions(PaynetMockServer server) {
        assertThat(server).isSameAs(mock.server());
        assertThat(mock.paynet().sessionCount()).isZero();
        mock.paynet().createSession();
        // The spec example's session never came from this server's Auth: 13.
        assertThat(validSaveCard(server.baseUrl()).statusCode()).isEqualTo(400);
        SEEN.add(server);
    }

    @AfterAll
    static void theServersWereDistinctAndAreStopped() {
        assertThat(SEEN).hasSize(2).doesNotHaveDuplicates();
        for (PaynetMockServer server : SEEN) {
            assertThatThrownBy(server::port).isInstanceOf(IllegalStateException.class);
        }
    }
}
