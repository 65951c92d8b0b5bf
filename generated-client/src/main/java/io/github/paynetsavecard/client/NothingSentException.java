package io.github.paynetsavecard.client;

import java.io.IOException;

/**
 * A call failed before its request went onto the wire: while resolving the host, connecting, or
 * in the TLS handshake. It travels through OkHttp like any {@link IOException}; {@link Transport}
 * turns it into {@link PaynetTransportException.NotSent}.
 */
final class NothingSentException extends IOException {

  private static final long serialVersionUID = 1L;

  NothingSentException(IOException cause) {
    super(cause.toString(), cause);
  }
}
