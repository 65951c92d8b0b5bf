package io.github.paynetsavecard.client;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;

/** A MockWebServer standing in for Paynet, and a client pointed at it. */
final class MockPaynet implements AutoCloseable {

  static final String KEY = "sck_TestKey0123456789abcdef";

  final MockWebServer server = new MockWebServer();

  MockPaynet() {
    try {
      server.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  PaynetClient.Builder clientBuilder() {
    return PaynetClient.builder()
        .environment(PaynetEnvironment.of(server.url("/").toString()))
        .apiKey(KEY);
  }

  PaynetClient client() {
    return clientBuilder().build();
  }

  MockPaynet answer(int status, String json) {
    server.enqueue(new MockResponse().setResponseCode(status)
        .setHeader("Content-Type", "application/json; charset=utf-8")
        .setBody(json));
    return this;
  }

  MockPaynet answer(Spec.Example example) {
    return answer(example.status(), example.json());
  }

  RecordedRequest takeRequest() {
    try {
      RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
      if (request == null) {
        throw new AssertionError("The client sent no request");
      }
      return request;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  @Override
  public void close() throws IOException {
    server.shutdown();
  }
}
