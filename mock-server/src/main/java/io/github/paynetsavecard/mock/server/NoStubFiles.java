package io.github.paynetsavecard.mock.server;

import com.github.tomakehurst.wiremock.standalone.MappingsSource;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import com.github.tomakehurst.wiremock.stubbing.StubMappings;
import java.util.List;

/**
 * Stops WireMock from loading stub files from the working directory ({@code src/test/resources/mappings} by
 * default), which would change the mock's answers depending on where it runs. Stubs come from the spec and from
 * {@link MockHttpServer#wireMock()} only.
 */
final class NoStubFiles implements MappingsSource {
    @Override
    public void loadMappingsInto(StubMappings stubMappings) {
        // nothing to load: see the class comment
    }

    @Override
    public void save(List<StubMapping> stubMappings) {
        // stubs live in memory only
    }

    @Override
    public void save(StubMapping stubMapping) {
        // stubs live in memory only
    }

    @Override
    @SuppressWarnings("removal")
    public void remove(StubMapping stubMapping) {
        // stubs live in memory only
    }

    @Override
    public void removeAll() {
        // stubs live in memory only
    }
}
