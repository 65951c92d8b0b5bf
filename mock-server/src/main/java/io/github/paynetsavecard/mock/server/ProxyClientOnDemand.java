package io.github.paynetsavecard.mock.server;

import com.github.tomakehurst.wiremock.core.Options;
import com.github.tomakehurst.wiremock.http.client.ApacheHttpClientFactory;
import com.github.tomakehurst.wiremock.http.client.HttpClient;
import com.github.tomakehurst.wiremock.http.client.HttpClientFactory;
import com.github.tomakehurst.wiremock.http.client.LazyHttpClient;
import java.util.List;

/**
 * WireMock's own proxy clients (Apache HttpClient), built when a stub first proxies rather than when the server is
 * built. WireMock builds two of them in its constructor, each with an SSL context over the JDK's trust store: some
 * 500 classes and the parsing of every CA certificate, about a fifth of a mock's first start in a fresh JVM, for a
 * feature that only a test's {@code proxiedFrom(...)} stub uses (docs/bench.md).
 */
final class ProxyClientOnDemand implements HttpClientFactory {
    @Override
    public String getName() {
        return "paynet-proxy-client-on-demand";
    }

    @Override
    public HttpClient buildHttpClient(Options options, boolean trustAllCertificates, List<String> trustedHosts,
                                      boolean useSystemProperties) {
        return new LazyHttpClient(() -> new ApacheHttpClientFactory()
                .buildHttpClient(options, trustAllCertificates, trustedHosts, useSystemProperties));
    }
}
