package io.github.paynetsavecard.client;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A MockWebServer standing in for Paynet, and a client pointed at it. Register it per test with
 * {@code @RegisterExtension final MockPaynet paynet = new MockPaynet();}: both stop after the test.
 */
final class MockPaynet implements AutoCloseable, AfterEachCallback {

  static final String KEY = "sck_test_key_not_real";

  final MockWebServer server = new MockWebServer();

  /** A client with the default settings, pointed at {@link #server}. */
  final PaynetClient client;

  MockPaynet() {
    try {
      server.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    client = client();
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
    server.enqueue(json(status, json));
    return this;
  }

  static MockResponse json(int status, String json) {
    return new MockResponse().setResponseCode(status)
        .setHeader("Content-Type", "application/json; charset=utf-8")
        .setBody(json);
  }

  static void enqueue(MockWebServer server, Spec.Example example) {
    server.enqueue(json(example.status(), example.json()));
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
  public void afterEach(ExtensionContext context) throws IOException {
    close();
  }

  @Override
  public void close() throws IOException {
    client.close();
    server.shutdown();
  }
}
