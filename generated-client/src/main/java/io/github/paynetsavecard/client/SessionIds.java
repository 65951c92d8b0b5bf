package io.github.paynetsavecard.client;

/** How a session id appears in {@code toString()}: enough to recognise it, not enough to use it. */
final class SessionIds {

  private static final int SHOWN = 10;

  private SessionIds() {
  }

  static String shorten(String sessionId) {
    return sessionId.length() <= SHOWN ? sessionId : sessionId.substring(0, SHOWN) + "…";
  }
}
