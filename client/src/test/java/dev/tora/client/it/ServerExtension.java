package dev.tora.client.it;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives tests the one server of the whole test run: started by the first test that asks for it,
 * stopped when the run ends (JUnit closes resources of the root store then).
 */
final class ServerExtension implements ParameterResolver {

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == ToraServer.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(Holder.class, k -> Holder.start(), Holder.class).server;
    }

    /** Stops the server when the run ends. */
    static final class Holder implements ExtensionContext.Store.CloseableResource {
        final ToraServer server;

        private Holder(ToraServer server) {
            this.server = server;
        }

        static Holder start() {
            try {
                ToraServer s = new ToraServer();
                s.start();
                return new Holder(s);
            } catch (Exception e) {
                throw new ParameterResolutionException("could not start a Tora server: " + e.getMessage(), e);
            }
        }

        @Override
        public void close() {
            server.stop(); // the domain stays for the next run (see ToraServer)
        }
    }
}
