package io.github.paynetsavecard.conformance.differential;

import io.github.paynetsavecard.conformance.prism.PrismProcess;
import io.github.paynetsavecard.mock.PaynetMockServer;
import java.net.URI;
import java.nio.file.Path;
import java.util.Objects;

/**
 * One spec served by our mock, in Prism mode, and by Prism, for the differential test on a spec other than
 * Paynet's. {@link #close()} stops both.
 *
 * <pre>{@code
 * try (ServedSpec petStore = ServedSpec.start(Path.of("openapi.yaml"), Path.of("prism"), Path.of("target/logs"))) {
 *     new WireClient(petStore.mockUrl()).send(request);
 *     new WireClient(petStore.prismUrl()).send(request);
 * }
 * }</pre>
 */
public final class ServedSpec implements AutoCloseable {
    private final Path spec;
    private final PaynetMockServer mock;
    private final PrismProcess prism;

    private ServedSpec(Path spec, PaynetMockServer mock, PrismProcess prism) {
        this.spec = spec;
        this.mock = mock;
        this.prism = prism;
    }

    /**
     * Starts our mock and Prism on {@code spec}.
     *
     * @param prismDir the folder with Prism's package.json and lock file
     * @param logDir   where Prism's log goes
     * @throws IllegalStateException when Prism does not come up (its log is named)
     */
    public static ServedSpec start(Path spec, Path prismDir, Path logDir) {
        Objects.requireNonNull(spec, "spec == null");
        PaynetMockServer mock = PaynetMockServer.builder().mode(PaynetMockServer.Mode.PRISM).spec(spec).port(0)
                .build();
        mock.start();
        try {
            return new ServedSpec(spec, mock, PrismProcess.start(prismDir, spec, logDir));
        } catch (RuntimeException prismFailed) {
            mock.close();
            throw prismFailed;
        }
    }

    /** The spec both serve. */
    public Path spec() {
        return spec;
    }

    /** Where our mock serves the spec's paths. */
    public URI mockUrl() {
        return URI.create(mock.baseUrl());
    }

    /** Where Prism serves the spec's paths. */
    public URI prismUrl() {
        return prism.baseUrl();
    }

    @Override
    public void close() {
        try {
            prism.close();
        } finally {
            mock.close();
        }
    }
}
