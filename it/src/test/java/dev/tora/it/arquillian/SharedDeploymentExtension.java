package dev.tora.it.arquillian;

import org.jboss.arquillian.core.spi.LoadableExtension;

/** Registers {@link SharedDeployment} with Arquillian (listed in META-INF/services). */
public class SharedDeploymentExtension implements LoadableExtension {

    @Override
    public void register(ExtensionBuilder builder) {
        builder.observer(SharedDeployment.class);
    }
}
