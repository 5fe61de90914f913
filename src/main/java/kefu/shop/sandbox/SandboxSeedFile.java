package kefu.shop.sandbox;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads the sandbox seed file from disk, or the copy packaged in the jar when the default file is not there. */
public final class SandboxSeedFile {

    private final ObjectMapper json;

    public SandboxSeedFile(ObjectMapper json) {
        this.json = json;
    }

    public SandboxData read(Path file) {
        try {
            if (Files.isRegularFile(file)) {
                return json.readValue(file.toFile(), SandboxData.class);
            }
            String packaged = "bot/" + file.getFileName();
            try (InputStream in = SandboxSeedFile.class.getClassLoader().getResourceAsStream(packaged)) {
                if (in == null) {
                    throw new IllegalStateException("kefu.shop.sandbox.data: no such file " + file.toAbsolutePath());
                }
                return json.readValue(in, SandboxData.class);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("kefu.shop.sandbox.data: cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
