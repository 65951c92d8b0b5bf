package io.github.paynetsavecard.mock.junit;

import io.github.paynetsavecard.client.PaynetClient;
import io.github.paynetsavecard.client.PaynetEnvironment;

/** The one class that touches the optional client jar; loaded only when a test asks for a client. */
final class MockClients {
    private MockClients() {
    }

    static PaynetClient forMock(String baseUrl, String apiKey) {
        return PaynetClient.builder()
                .environment(PaynetEnvironment.of(baseUrl))
                .apiKey(apiKey)
                .build();
    }
}
