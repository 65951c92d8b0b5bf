package io.github.paynetsavecard.mock.server;

import com.github.tomakehurst.wiremock.common.JettySettings;
import com.github.tomakehurst.wiremock.core.Options;
import com.github.tomakehurst.wiremock.http.AdminRequestHandler;
import com.github.tomakehurst.wiremock.http.HttpServer;
import com.github.tomakehurst.wiremock.http.HttpServerFactory;
import com.github.tomakehurst.wiremock.http.StubRequestHandler;
import com.github.tomakehurst.wiremock.jetty11.Jetty11HttpServer;
import com.github.tomakehurst.wiremock.jetty11.Jetty11Utils;
import java.util.Arrays;
import org.eclipse.jetty.http2.server.HTTP2CServerConnectionFactory;
import org.eclipse.jetty.io.NetworkTrafficListener;
import org.eclipse.jetty.server.ConnectionFactory;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.NetworkTrafficServerConnector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ContextHandler;
import org.eclipse.jetty.server.handler.HandlerCollection;
import org.eclipse.jetty.servlet.ServletContextHandler;
import org.eclipse.jetty.servlet.ServletHandler;
import org.eclipse.jetty.servlet.ServletMapping;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * WireMock's Jetty 11 server, changed so that every HTTP request reaches the spec-driven answer:
 * <ul>
 *   <li>no admin API over HTTP ({@code /__admin} is an ordinary, unknown path, as in Prism); stubs are added
 *       through the Java API of {@link MockHttpServer#wireMock()};</li>
 *   <li>no static files under {@code /__files};</li>
 *   <li>bounded request bodies and lenient query strings ({@link RequestGuard}) and problem+json for Jetty's own errors;</li>
 *   <li>the spec's answers ahead of WireMock's stub matching while no stub was added ({@link SpecShortcut});</li>
 *   <li>threads sized for the machine ({@link ThreadBudget}) instead of WireMock's fixed 3 acceptors, 2 selectors
 *       and 25 request threads, which on a 2-core machine spend their time waiting for a core.</li>
 * </ul>
 */
final class GuardedJettyServerFactory implements HttpServerFactory {
    private static final String ADMIN_CONTEXT = "/__admin";
    private static final String FILES_PATH_SPEC = "/__files/*";

    private final RequestLimits limits;
    private final SpecShortcut shortcut;

    /** {@code shortcut} sits between the request guard and WireMock's handlers. */
    GuardedJettyServerFactory(RequestLimits limits, SpecShortcut shortcut) {
        this.limits = limits;
        this.shortcut = shortcut;
    }

    @Override
    public HttpServer buildHttpServer(
            Options options, AdminRequestHandler adminRequestHandler, StubRequestHandler stubRequestHandler) {
        return new GuardedJettyServer(options, adminRequestHandler, stubRequestHandler, limits, shortcut);
    }

    private static final class GuardedJettyServer extends Jetty11HttpServer {
        GuardedJettyServer(Options options, AdminRequestHandler admin, StubRequestHandler stubs, RequestLimits limits,
                           SpecShortcut shortcut) {
            super(options, admin, stubs);
            jettyServer.setErrorHandler(new ProblemErrorHandler(limits));
            // createHandler runs inside super(...), before our fields exist: wrap the handler tree here instead.
            shortcut.setHandler(jettyServer.getHandler());
            RequestGuard guard = new RequestGuard(limits);
            guard.setHandler(shortcut);
            jettyServer.setHandler(guard);
            for (Handler context : jettyServer.getChildHandlersByClass(ServletContextHandler.class)) {
                ((ServletContextHandler) context).setErrorHandler(new ProblemErrorHandler(limits));
            }
        }

        /** WireMock's server, with its thread pool sized by {@link ThreadBudget} unless the options bring a pool. */
        @Override
        protected Server createServer(Options options) {
            Server server = super.createServer(options);
            if (options.threadPoolFactory() == null && server.getThreadPool() instanceof QueuedThreadPool pool) {
                ThreadBudget budget = ThreadBudget.forThisMachine();
                pool.setMaxThreads(budget.maxThreads());
                pool.setMinThreads(budget.minThreads());
                pool.setReservedThreads(budget.reservedThreads());
            }
            return server;
        }

        /** WireMock's connector (HTTP/1.1 and h2c, its Jetty settings), with Jetty's own acceptor and selector counts. */
        @Override
        protected ServerConnector createHttpConnector(
                String bindAddress, int port, JettySettings settings, NetworkTrafficListener listener) {
            HttpConfiguration config = Jetty11Utils.createHttpConfig(settings);
            ConnectionFactory[] factories = options.getHttp2PlainDisabled()
                    ? new ConnectionFactory[] {new HttpConnectionFactory(config)}
                    : new ConnectionFactory[] {new HttpConnectionFactory(config), new HTTP2CServerConnectionFactory(config)};
            ThreadBudget budget = ThreadBudget.forThisMachine();
            NetworkTrafficServerConnector connector = new NetworkTrafficServerConnector(jettyServer, null, null, null,
                    settings.getAcceptors().orElse(budget.acceptors()), budget.selectors(), factories);
            connector.setPort(port);
            connector.setNetworkTrafficListener(listener);
            Jetty11Utils.setJettySettings(settings, connector);
            connector.setHost(bindAddress);
            return connector;
        }

        @Override
        protected Handler createHandler(Options options, AdminRequestHandler admin, StubRequestHandler stubs) {
            HandlerCollection handlers = (HandlerCollection) super.createHandler(options, admin, stubs);
            for (Handler handler : handlers.getChildHandlersByClass(ContextHandler.class)) {
                ContextHandler context = (ContextHandler) handler;
                if (ADMIN_CONTEXT.equals(context.getContextPath())) {
                    handlers.removeHandler(context);
                } else if (context instanceof ServletContextHandler servletContext) {
                    removeFilesServlet(servletContext.getServletHandler());
                }
            }
            return handlers;
        }

        private static void removeFilesServlet(ServletHandler servlets) {
            ServletMapping[] kept = Arrays.stream(servlets.getServletMappings())
                    .filter(mapping -> !Arrays.asList(mapping.getPathSpecs()).contains(FILES_PATH_SPEC))
                    .toArray(ServletMapping[]::new);
            servlets.setServletMappings(kept);
        }
    }

    /**
     * Threads for the mock's work, which waits on nothing but the socket: one acceptor, one selector per two cores
     * (Jetty's own default) and one request thread per core plus one, at least 3. Late answers (a stub's fixed
     * delay, {@code X-Paynet-Mock-Fault} delay and timeout) wait on WireMock's timer, not in a request thread, so
     * no thread is kept for sleeping. More threads only take turns on the cores: on 2 cores, 8 request threads gave
     * 11,000-13,000 req/s over the first 10 s and a p99 of 13-15 ms when warm, 3 gave 21,000-24,000 and 6-7 ms
     * (docs/bench.md); WireMock's own 3 acceptors, 2 selectors and 25 threads were slower still.
     *
     * <p>No reserved threads. With one (Jetty's choice for a pool this small), the selector runs each request itself
     * and hands selecting to the reserved thread; when the cores are shared with the load, that thread waits for a
     * core while every other connection waits for it. With none, the selector only selects and queues requests for
     * the request threads: on 2 cores the warm p99 went from 7.6-12.8 ms to 3.0-4.2 ms at the same throughput.
     *
     * <p>The system properties {@value #REQUEST_THREADS_PROPERTY} and {@value #RESERVED_THREADS_PROPERTY} set the
     * counts instead, to measure others (bench/quick.sh); {@code reservedThreads=1} is what Jetty chose for this pool
     * before (its {@code -1}, "size them yourself", gives 1 here).
     */
    record ThreadBudget(int acceptors, int selectors, int maxThreads, int minThreads, int reservedThreads) {
        static final String REQUEST_THREADS_PROPERTY = "paynet.mock.requestThreads";
        static final String RESERVED_THREADS_PROPERTY = "paynet.mock.reservedThreads";

        static ThreadBudget forThisMachine() {
            int cores = Runtime.getRuntime().availableProcessors();
            int selectors = Math.max(1, Math.min(4, cores / 2));
            int max = 1 + selectors + requestThreads(System.getProperty(REQUEST_THREADS_PROPERTY), cores);
            return new ThreadBudget(1, selectors, max, Math.min(4, max),
                    reservedThreads(System.getProperty(RESERVED_THREADS_PROPERTY)));
        }

        /** {@code setting}: the property's value, or null for one per core plus one, at least 3. */
        static int requestThreads(String setting, int cores) {
            return setting == null ? Math.max(3, cores + 1)
                    : count(REQUEST_THREADS_PROPERTY, setting, 2, "request", "one per core plus one");
        }

        /** {@code setting}: the property's value, or null for none. */
        static int reservedThreads(String setting) {
            return setting == null ? 0 : count(RESERVED_THREADS_PROPERTY, setting, 0, "reserved", "none");
        }

        private static int count(String property, String setting, int least, String kind, String byDefault) {
            try {
                int threads = Integer.parseInt(setting.trim());
                if (threads >= least) {
                    return threads;
                }
            } catch (NumberFormatException notANumber) {
                // answered below
            }
            throw new IllegalArgumentException("-D" + property + " must be a whole number of " + kind + " threads, "
                    + least + " or more, but was '" + setting + "'; leave it out for " + byDefault);
        }
    }
}
