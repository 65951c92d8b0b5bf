package io.github.paynetsavecard.mock.server;

/** The HTTP-level limits the server enforces before a request reaches the engine. */
record RequestLimits(int maxBodyBytes, int maxHeaderBytes) {

    String bodyTooLarge() {
        return "The request body is larger than this mock accepts (at most " + maxBodyBytes + " bytes).";
    }

    String headersTooLarge() {
        return "The request line and headers are larger than this mock accepts (at most " + maxHeaderBytes
                + " bytes in total).";
    }
}
