package com.adfops.state;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * Azurite's blob service (npm {@code azurite}, installed by the build in tools/node), started on a free loopback
 * port with a throw-away folder, for tests of the blob store.
 */
public final class Azurite implements AutoCloseable {

    /** Azurite's well-known development account (public, documented; not a secret). */
    static final String ACCOUNT = "devstoreaccount1";
    static final String DEV_KEY = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private final Process process;
    private final int port;
    private final Path dir;

    private Azurite(Process process, int port, Path dir) {
        this.process = process;
        this.port = port;
        this.dir = dir;
    }

    public static Azurite start() throws IOException, InterruptedException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Path dir = Files.createTempDirectory("azurite");
        Path tools = Path.of(System.getProperty("adfops.node.tools", "tools/node"));
        Process p = new ProcessBuilder(tools.resolve("node_modules/.bin/azurite-blob").toAbsolutePath().toString(),
                "--blobHost", "127.0.0.1", "--blobPort", String.valueOf(port), "--location", dir.toString(),
                "--skipApiVersionCheck", "--silent", "--loose")
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("azurite.log").toFile())
                .start();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(deadline)) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return new Azurite(p, port, dir);
            } catch (IOException notYet) {
                if (!p.isAlive()) {
                    throw new IllegalStateException("Azurite exited: " + Files.readString(dir.resolve("azurite.log")));
                }
                Thread.sleep(100);
            }
        }
        p.destroyForcibly();
        throw new IllegalStateException("Azurite did not start within 30 s");
    }

    public String connectionString() {
        return "DefaultEndpointsProtocol=http;AccountName=" + ACCOUNT + ";AccountKey=" + DEV_KEY
                + ";BlobEndpoint=http://127.0.0.1:" + port + "/" + ACCOUNT + ";";
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
