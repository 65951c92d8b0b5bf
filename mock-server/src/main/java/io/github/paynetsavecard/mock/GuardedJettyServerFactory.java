package io.github.paynetsavecard.mock;

import com.github.tomakehurst.wiremock.core.Options;
import com.github.tomakehurst.wiremock.http.AdminRequestHandler;
import com.github.tomakehurst.wiremock.http.HttpServer;
import com.github.tomakehurst.wiremock.http.HttpServerFactory;
import com.github.tomakehurst.wiremock.http.StubRequestHandler;
import com.github.tomakehurst.wiremock.jetty11.Jetty11HttpServer;
import java.util.Arrays;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.handler.ContextHandler;
import org.eclipse.jetty.server.handler.HandlerCollection;
import org.eclipse.jetty.servlet.ServletContextHandler;
import org.eclipse.jetty.servlet.ServletHandler;
import org.eclipse.jetty.servlet.ServletMapping;

/**
 * WireMock's Jetty 11 server, changed so that every HTTP request reaches the spec-driven answer:
 * <ul>
 *   <li>no admin API over HTTP ({@code /__admin} is an ordinary, unknown path, as in Prism); stubs are added
 *       through the Java API of {@link PaynetMockServer#wireMock()};</li>
 *   <li>no static files under {@code /__files};</li>
 *   <li>bounded request bodies and lenient query strings ({@link RequestGuard}) and problem+json for Jetty's own errors.</li>
 * </ul>
 */
final class GuardedJettyServerFactory implements HttpServerFactory {
    private static final String ADMIN_CONTEXT = "/__admin";
    private static final String FILES_PATH_SPEC = "/__files/*";

    private final RequestLimits limits;

    GuardedJettyServerFactory(RequestLimits limits) {
        this.limits = limits;
    }

    @Override
    public HttpServer buildHttpServer(
            Options options, AdminRequestHandler adminRequestHandler, StubRequestHandler stubRequestHandler) {
        return new GuardedJettyServer(options, adminRequestHandler, stubRequestHandler, limits);
    }

    private static final class GuardedJettyServer extends Jetty11HttpServer {
        GuardedJettyServer(Options options, AdminRequestHandler admin, StubRequestHandler stubs, RequestLimits limits) {
            super(options, admin, stubs);
            jettyServer.setErrorHandler(new ProblemErrorHandler(limits));
            // createHandler runs inside super(...), before our fields exist: wrap the handler tree here instead.
            RequestGuard guard = new RequestGuard(limits);
            guard.setHandler(jettyServer.getHandler());
            jettyServer.setHandler(guard);
            for (Handler context : jettyServer.getChildHandlersByClass(ServletContextHandler.class)) {
                ((ServletContextHandler) context).setErrorHandler(new ProblemErrorHandler(limits));
            }
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
}
