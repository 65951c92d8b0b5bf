package io.github.paynetsavecard.client;

/**
 * Whether a call's request has gone onto the wire. {@link UnsentRetry} gives each call one, as a
 * request tag; {@link OneSendOnly} marks it once a connection is open and the request is about
 * to be written. Until then nothing can have reached the server.
 */
final class SendRecord {

  private volatile boolean sent;

  boolean sent() {
    return sent;
  }

  /** @return whether this is the first send of the call */
  boolean markSent() {
    synchronized (this) {
      boolean first = !sent;
      sent = true;
      return first;
    }
  }
}
