package io.github.paynetsavecard.mock.cli;

import io.github.paynetsavecard.mock.PaynetMockServer;

/**
 * Starts the mock once as the JUnit extension does (bundled spec, Paynet mode) and stops it, for the build: run with
 * {@code -XX:DumpLoadedClassList}, it lists the classes a first start loads, which later first starts load ahead on
 * a second thread ({@code ClassPreload}). Not for users.
 */
final class FirstStart {
    private FirstStart() {
    }

    public static void main(String[] args) {
        PaynetMockServer.builder().build().start().close();
    }
}
