package io.github.paynetsavecard.client;

import java.io.IOException;

/**
 * An answer that is not the JSON the spec describes. It is an {@link IOException} so that it
 * travels through OkHttp and Retrofit like any transport failure, synchronous or not; the client
 * turns it into a {@link PaynetTransportException}.
 */
final class UnreadableAnswerException extends IOException {

  private static final long serialVersionUID = 1L;

  private final int httpStatus;
  private final String bodyExcerpt;

  UnreadableAnswerException(String reason, int httpStatus, String bodyExcerpt) {
    super(reason);
    this.httpStatus = httpStatus;
    this.bodyExcerpt = bodyExcerpt;
  }

  int httpStatus() {
    return httpStatus;
  }

  String bodyExcerpt() {
    return bodyExcerpt;
  }
}
