package io.github.paynetsavecard.mock;

import io.github.paynetsavecard.mock.PaynetMockServer.Mode;

/** One running mock in each mode, for tests of what both modes do alike. */
public final class BothModes implements AutoCloseable {
    private final PaynetMockServer paynet = PaynetMockServer.builder().build().start();
    private final PaynetMockServer prism = PaynetMockServer.builder().mode(Mode.PRISM).build().start();

    public PaynetMockServer in(Mode mode) {
        return mode == Mode.PAYNET ? paynet : prism;
    }

    @Override
    public void close() {
        paynet.close();
        prism.close();
    }
}
