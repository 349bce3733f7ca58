package com.adfops;

import com.adfops.adf.FactoryRef;
import com.adfops.adf.implementation.SdkDataFactory;
import com.adfops.sim.BuiltInDataset;
import com.adfops.sim.SimDataset;
import com.adfops.sim.SimulatedDataFactoryServer;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** A simulated factory on loopback with the real SDK pointed at it: the production code path, in tests. */
public final class TestSim implements AutoCloseable {

    public static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    public final SimulatedDataFactoryServer server;
    public final SdkDataFactory adf;
    public final FactoryRef factory;
    /** Counts the SDK's requests to the simulator, per factory and purpose. */
    public final com.adfops.adf.RequestMeter meter = new com.adfops.adf.RequestMeter();

    private TestSim(SimDataset dataset, int pageSize, java.time.Clock clock) {
        this.server = SimulatedDataFactoryServer.start(dataset, JSON, pageSize, clock);
        this.factory = new FactoryRef(SimulatedDataFactoryServer.SUBSCRIPTION_ID,
                SimulatedDataFactoryServer.RESOURCE_GROUP, dataset.factory());
        this.adf = SdkDataFactory.forEndpoint(List.of(factory), server.endpoint(), Duration.ofSeconds(10), meter);
    }

    public static TestSim builtIn(Instant now, int pageSize) {
        // The factory lives at the dataset's "now": later runs of the built-in week are not there yet.
        return new TestSim(BuiltInDataset.generate(JSON, now, 42), pageSize, java.time.Clock.fixed(now, java.time.ZoneOffset.UTC));
    }

    /** A dataset from {@code src/test/resources/datasets/NAME}. */
    public static TestSim resource(String name, int pageSize) {
        return new TestSim(SimDataset.load(resourcePath(name), JSON), pageSize, java.time.Clock.systemUTC());
    }

    public static TestSim of(SimDataset dataset, int pageSize) {
        return new TestSim(dataset, pageSize, java.time.Clock.systemUTC());
    }

    /** A factory that lives by {@code clock} (runs appear at their start and end at their end). */
    public static TestSim of(SimDataset dataset, int pageSize, java.time.Clock clock) {
        return new TestSim(dataset, pageSize, clock);
    }

    public static Path resourcePath(String name) {
        try (InputStream in = TestSim.class.getResourceAsStream("/datasets/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test dataset " + name);
            }
            Path tmp = Files.createTempFile("dataset", ".json");
            Files.write(tmp, in.readAllBytes());
            tmp.toFile().deleteOnExit();
            return tmp;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        server.close();
    }
}
