package io.github.paynetsavecard.mock.server;

import com.github.tomakehurst.wiremock.common.Notifier;

/**
 * WireMock's chatter is dropped (its info messages describe whole requests, Authorization included); its rare
 * errors go to standard error without request content.
 */
final class QuietNotifier implements Notifier {
    @Override
    public void info(String message) {
        // dropped on purpose: see the class comment
    }

    @Override
    public void error(String message) {
        System.err.println("[paynet-mock] WireMock: " + message);
    }

    @Override
    public void error(String message, Throwable t) {
        System.err.println("[paynet-mock] WireMock: " + message + " (" + t + ")");
    }
}
