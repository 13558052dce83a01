package dev.tora.core.application.security;

import dev.tora.core.config.DataDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * When auth is required and no key works yet, issues one and writes it, readable by the server's
 * user only, to {@code <data dir>/initial-api-key} (as Jenkins does with its first password).
 */
@ApplicationScoped
public class InitialKey {

    private static final System.Logger LOG = System.getLogger(InitialKey.class.getName());

    @Inject
    private AuthPolicy policy;

    @Inject
    private ApiKeyService keys;

    /** Issues the first key if needed. */
    public void ensure() {
        if (policy.mode() != AuthMode.REQUIRED || keys.anyActiveKey()) {
            return;
        }
        CreatedApiKey created = keys.issueInitialKey();
        Path file = DataDirectory.root().resolve("initial-api-key");
        try {
            Files.createDirectories(file.getParent());
            Files.deleteIfExists(file);
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, created.key() + "\n", StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the initial API key to " + file, e);
        }
        LOG.log(System.Logger.Level.WARNING, "Auth is required and no API key existed: the first key was "
                + "written to {0}. Use it to create personal keys, then delete the file.", file);
    }
}
